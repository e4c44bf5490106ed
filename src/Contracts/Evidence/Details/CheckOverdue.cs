namespace Supervision.Contracts.Evidence.Details;

/// <summary>A due check not passed within its validity: since when, until when, how far the video had got, what the report claimed.</summary>
[StoredAs(AnomalyKind.CheckOverdue)]
public sealed record CheckOverdue(
    DateTimeOffset DueSince,
    DateTimeOffset Deadline,
    int Reached,
    int Claimed) : AnomalyDetails;
