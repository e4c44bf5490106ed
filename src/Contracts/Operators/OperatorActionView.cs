namespace Supervision.Contracts.Operators;

/// <summary>
/// One operator action in the log: an evidence row whose details name an operator. <see cref="Details"/> is its
/// kind's record as stored (JSON), with the before and after of what changed.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record OperatorActionView(
    [property: Id(0)] long Id,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Kind,
    [property: Id(3)] string Operator,
    [property: Id(4)] string? Address,
    [property: Id(5)] string? ClassCode,
    [property: Id(6)] string? StudentUserCode,
    [property: Id(7)] string? PlatformCode,
    [property: Id(8)] string Details);
