namespace Supervision.Contracts.Evidence.Details;

/// <summary>A roster tied a student code to another ID number (both masked).</summary>
[StoredAs(EvidenceKind.RosterIdentityChange)]
public sealed record RosterIdentityChangeEvidence(
    string StudentUserCode,
    string PreviousCardNo,
    string CardNo) : EvidenceDetails
{
    public static RosterIdentityChangeEvidence Of(RosterIdentityChanged change) => new(change.StudentUserCode, change.PreviousCardNo, change.CardNo);
}
