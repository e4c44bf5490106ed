namespace Supervision.Contracts.Risk;

/// <summary>
/// One class or one learning platform on the day asked for: how many of its learners were flagged, their anomalies by
/// kind and the seconds withheld. For a class, <see cref="Name"/> is its name and <see cref="PlatformCode"/> its platform;
/// for a platform both are null (the code is the platform's). A class none of whose learners ever started has no platform.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record GroupRisk(
    [property: Id(0)] string? Code,
    [property: Id(1)] string? Name,
    [property: Id(2)] string? PlatformCode,
    [property: Id(3)] int Learners,
    [property: Id(4)] int Anomalies,
    [property: Id(5)] long WithheldSeconds,
    [property: Id(6)] DateTimeOffset LastAt,
    [property: Id(7)] IReadOnlyList<KindCount> Kinds);
