namespace Supervision.Contracts.Evidence;

/// <summary>Which anomalies to list: every filter left null matches all; <see cref="Until"/> is exclusive; a page is <see cref="Limit"/> rows from <see cref="Offset"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record AnomalyQuery(
    [property: Id(0)] string? ClassCode = null,
    [property: Id(1)] string? StudentUserCode = null,
    [property: Id(2)] string? Kind = null,
    [property: Id(3)] DateTimeOffset? Since = null,
    [property: Id(4)] DateTimeOffset? Until = null,
    [property: Id(5)] int Limit = 500,
    [property: Id(6)] int Offset = 0);
