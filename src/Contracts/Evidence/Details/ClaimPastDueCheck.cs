namespace Supervision.Contracts.Evidence.Details;

/// <summary>A report claimed past a due check's point beyond its validity: what counted and what was refused.</summary>
[StoredAs(AnomalyKind.ClaimPastDueCheck)]
public sealed record ClaimPastDueCheck(
    int Claimed,
    int CountedPastDue,
    int RefusedPastDue,
    int ValiditySeconds) : AnomalyDetails;
