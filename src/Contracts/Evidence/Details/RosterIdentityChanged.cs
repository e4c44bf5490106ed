namespace Supervision.Contracts.Evidence.Details;

/// <summary>A roster tied a student code to another ID number (both masked); the same details as its roster_identity_change evidence.</summary>
[StoredAs(AnomalyKind.RosterIdentityChanged)]
public sealed record RosterIdentityChanged(
    string StudentUserCode,
    string PreviousCardNo,
    string CardNo) : AnomalyDetails;
