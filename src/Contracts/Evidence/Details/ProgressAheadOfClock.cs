namespace Supervision.Contracts.Evidence.Details;

/// <summary>progressTime beyond the clock bank: what was claimed, accepted, and the bank's numbers.</summary>
[StoredAs(AnomalyKind.ProgressAheadOfClock)]
public sealed record ProgressAheadOfClock(
    int Claimed,
    int Accepted,
    int BankSeconds,
    int BankCapSeconds,
    int ToleranceSeconds,
    int SilentSeconds) : AnomalyDetails;
