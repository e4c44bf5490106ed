namespace Supervision.Contracts.Evidence.Details;

/// <summary>A dead delivery sent back to be tried again (written by DeliveryOutbox in SQL, read through this type).</summary>
[StoredAs(EvidenceKind.DeliveryRetry)]
public sealed record DeliveryRetryEvidence(
    long DeliveryId,
    string Delivery,
    int Attempts,
    string? LastError,
    string Operator,
    string Address) : EvidenceDetails;
