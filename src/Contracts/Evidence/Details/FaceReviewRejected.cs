namespace Supervision.Contracts.Evidence.Details;

/// <summary>A reviewer found a check photo to be another person: the check, the photo, the credit voided, who and when.</summary>
[StoredAs(AnomalyKind.FaceReviewRejected)]
public sealed record FaceReviewRejected(
    string BizCode,
    long PhotoId,
    int VoidedSeconds,
    string Reviewer,
    DateTimeOffset ReviewedAt) : AnomalyDetails;
