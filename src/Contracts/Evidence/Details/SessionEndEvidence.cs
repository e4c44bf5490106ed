namespace Supervision.Contracts.Evidence.Details;

/// <summary>A span closed for good: why (SpanEndReason), the class whose start closed it, what it earned.</summary>
[StoredAs(EvidenceKind.SessionEnd)]
public sealed record SessionEndEvidence(
    string Reason,
    string? OtherClassCode,
    int Credited,
    int Reports) : EvidenceDetails;
