namespace Supervision.Contracts.Evidence.Details;

/// <summary>A check's pass taken by the learner's study: where the video was, and how long the answer took on the server's clock.</summary>
[StoredAs(EvidenceKind.CheckPassed)]
public sealed record CheckPassedEvidence(
    string BizCode,
    string Kind,
    int VideoStudyTime,
    int AnswerMs) : EvidenceDetails;
