namespace Supervision.Contracts.Evidence.Details;

/// <summary>A report on a closed span: when and why it closed, what the report claimed.</summary>
[StoredAs(AnomalyKind.ClosedSessionReport)]
public sealed record ClosedSessionReport(
    DateTimeOffset? EndedAt,
    string? EndReason,
    int Claimed,
    int PlayTime) : AnomalyDetails;
