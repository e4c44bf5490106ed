namespace Supervision.Contracts.Evidence.Details;

/// <summary>A bot flag: the recent pop-up answers' times (newest first) and why they look like a script's.</summary>
[StoredAs(AnomalyKind.CheckAnswerBot)]
public sealed record CheckAnswerBot(
    Guid FlagId,
    DateTimeOffset Since,
    string Reason,
    IReadOnlyList<int> AnswersMs,
    int Fast,
    int FloorMs,
    double? Variation,
    IReadOnlyList<string> BizCodes) : AnomalyDetails;
