namespace Supervision.Contracts.Evidence.Details;

/// <summary>An operator's approval of a class: approve, reapprove or approve_after_roster_change; who, from where.</summary>
[StoredAs(EvidenceKind.ClassApproval)]
public sealed record ClassApprovalEvidence(
    string Action,
    string Operator,
    string Address) : EvidenceDetails;
