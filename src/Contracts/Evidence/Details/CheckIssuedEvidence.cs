namespace Supervision.Contracts.Evidence.Details;

/// <summary>A check issued (1.7): its bizCode, its kind (Code, Face) and when it expires.</summary>
[StoredAs(EvidenceKind.CheckIssued)]
public sealed record CheckIssuedEvidence(
    string BizCode,
    string Kind,
    DateTimeOffset ExpiresAt) : EvidenceDetails;
