namespace Supervision.Contracts.Evidence.Details;

/// <summary>An operator's void or clear of a flag: the flag, the seconds voided, who, from where.</summary>
[StoredAs(EvidenceKind.FlagDecision)]
public sealed record FlagDecisionEvidence(
    Guid FlagId,
    string Kind,
    string Decision,
    DateTimeOffset Since,
    int VoidedSeconds,
    string Operator,
    string Address) : EvidenceDetails;
