namespace Supervision.Contracts.Evidence.Details;

/// <summary>A student code's study started over for another person: the earlier one (masked) and the credit that stays theirs.</summary>
[StoredAs(EvidenceKind.IdentityChange)]
public sealed record IdentityChangeEvidence(
    string PreviousCardNo,
    int Credited) : EvidenceDetails;
