namespace Supervision.Contracts.Evidence.Details;

/// <summary>A reviewer's decision on a borderline face-check photo, with the machine's score and answer.</summary>
[StoredAs(EvidenceKind.FaceReview)]
public sealed record FaceReviewEvidence(
    long PhotoId,
    string BizCode,
    string Decision,
    string MachineDecision,
    double Score,
    double Threshold,
    double Band,
    string? ReferenceDigest,
    string Operator,
    string Address) : EvidenceDetails;
