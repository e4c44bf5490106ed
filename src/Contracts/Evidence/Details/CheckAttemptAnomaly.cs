namespace Supervision.Contracts.Evidence.Details;

/// <summary>
/// An anomaly a check attempt raised: its details are the attempt's own (<see cref="CheckAttemptEvidence"/>),
/// stored under the anomaly's kind.
/// </summary>
public abstract record CheckAttemptAnomaly : AnomalyDetails
{
    public string BizCode { get; init; } = "";

    public string Kind { get; init; } = "";

    public int Attempts { get; init; }

    public int AnswerMs { get; init; }

    public int VideoStudyTime { get; init; }

    public string? Message { get; init; }

    public FaceJudgement? Face { get; init; }

    public static TAnomaly Of<TAnomaly>(CheckAttemptEvidence attempt) where TAnomaly : CheckAttemptAnomaly, new() => new()
    {
        BizCode = attempt.BizCode,
        Kind = attempt.Kind,
        Attempts = attempt.Attempts,
        AnswerMs = attempt.AnswerMs,
        VideoStudyTime = attempt.VideoStudyTime,
        Message = attempt.Message,
        Face = attempt.Face,
    };
}
