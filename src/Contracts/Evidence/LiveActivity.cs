namespace Supervision.Contracts.Evidence;

/// <summary>
/// What the whole cluster is doing now, read from committed reports: learners who reported within
/// <see cref="ActiveWindowSeconds"/>, and reports a second over the last <see cref="RateWindowSeconds"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record LiveActivity(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] int ActiveLearners,
    [property: Id(2)] double ReportsPerSecond,
    [property: Id(3)] int ActiveWindowSeconds,
    [property: Id(4)] int RateWindowSeconds);
