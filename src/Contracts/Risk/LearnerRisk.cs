namespace Supervision.Contracts.Risk;

/// <summary>
/// One learner in one class on the day asked for: their anomalies by kind, the seconds those anomalies withheld from
/// credit (<see cref="WithheldSeconds"/>, docs/console.md), when they were first and last seen doing it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record LearnerRisk(
    [property: Id(0)] string ClassCode,
    [property: Id(1)] string? ClassName,
    [property: Id(2)] string StudentUserCode,
    [property: Id(3)] string? PlatformCode,
    [property: Id(4)] int Anomalies,
    [property: Id(5)] long WithheldSeconds,
    [property: Id(6)] DateTimeOffset FirstAt,
    [property: Id(7)] DateTimeOffset LastAt,
    [property: Id(8)] IReadOnlyList<KindCount> Kinds);
