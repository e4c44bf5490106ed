namespace Supervision.Contracts.Evidence;

/// <summary>
/// One recorded anomaly: what kind, where, when, and the numbers that triggered it (a JSON object). A flag (a crowd
/// or bot anomaly, <see cref="AnomalyKind.Flags"/>) also says where its review stands. <see cref="Supervision.Contracts.Evidence.Details.DetailsJson.ReadAnomaly"/>
/// reads the details as the kind's record (the JSON crosses grain calls, not the record).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AnomalyView(
    [property: Id(0)] long Id,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Kind,
    [property: Id(3)] string? ClassCode,
    [property: Id(4)] string? StudentUserCode,
    [property: Id(5)] string? ResCode,
    [property: Id(6)] string Details)
{
    public const string UnderReview = "under_review";

    /// <summary>For a flag: <see cref="UnderReview"/>, or the operator's decision ("void", "clear"); null for any other kind.</summary>
    [Id(7)] public string? Review { get; init; }
}
