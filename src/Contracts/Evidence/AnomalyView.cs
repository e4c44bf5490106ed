namespace Supervision.Contracts.Evidence;

/// <summary>One recorded anomaly: what kind, where, when, and the numbers that triggered it (a JSON object).</summary>
[GenerateSerializer, Immutable]
public sealed record AnomalyView(
    [property: Id(0)] long Id,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Kind,
    [property: Id(3)] string? ClassCode,
    [property: Id(4)] string? StudentUserCode,
    [property: Id(5)] string? ResCode,
    [property: Id(6)] string Details);
