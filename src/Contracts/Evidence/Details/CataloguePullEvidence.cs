namespace Supervision.Contracts.Evidence.Details;

/// <summary>An operator's request for a learning platform's catalogue now (written by DeliveryOutbox in SQL, read through this type).</summary>
[StoredAs(EvidenceKind.CataloguePull)]
public sealed record CataloguePullEvidence(
    long DeliveryId,
    string PlatformCode,
    string Operator,
    string Address) : EvidenceDetails;
