namespace Supervision.Contracts.Study;

/// <summary>One span of study of one video, as the operator sees it; <see cref="PausedAt"/> is set while it is paused.</summary>
[GenerateSerializer, Immutable]
public sealed record SessionView(
    [property: Id(0)] Guid SessionId,
    [property: Id(1)] string ResCode,
    [property: Id(2)] DateTimeOffset StartedAt,
    [property: Id(3)] DateTimeOffset? EndedAt,
    [property: Id(4)] string? EndReason,
    [property: Id(5)] int Credited,
    [property: Id(6)] int Reports)
{
    [Id(7)] public DateTimeOffset? PausedAt { get; init; }
}
