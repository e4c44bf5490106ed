namespace Supervision.Contracts.Study;

[GenerateSerializer, Immutable]
public sealed record SessionView(
    [property: Id(0)] Guid SessionId,
    [property: Id(1)] string ResCode,
    [property: Id(2)] DateTimeOffset StartedAt,
    [property: Id(3)] DateTimeOffset? EndedAt,
    [property: Id(4)] string? EndReason,
    [property: Id(5)] int Credited,
    [property: Id(6)] int Reports);
