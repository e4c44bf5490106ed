namespace Supervision.Contracts.Evidence.Details;

/// <summary>
/// A check attempt (1.5, 1.6): the bizCode, its kind (Code, Face), the attempts so far, the answer's time on the
/// server's clock, where the video was, why it was refused, and for a face check how the photo was judged. An
/// attempt's anomaly (<see cref="CheckAttemptAnomaly"/>) carries these same details.
/// </summary>
[StoredAs(EvidenceKind.CheckAttempt)]
public sealed record CheckAttemptEvidence(
    string BizCode,
    string Kind,
    int Attempts,
    int AnswerMs,
    int VideoStudyTime,
    string? Message,
    FaceJudgement? Face) : EvidenceDetails;
