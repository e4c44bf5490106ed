namespace Supervision.Contracts.Reviews;

/// <summary>
/// A face-check photo waiting for review: the comparer's score fell within the review band around the threshold.
/// <see cref="MachineDecision"/> is what the learning platform was answered at once.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record FaceReviewItem(
    [property: Id(0)] long PhotoId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string ClassCode,
    [property: Id(3)] string StudentUserCode,
    [property: Id(4)] string BizCode,
    [property: Id(5)] string MachineDecision,
    [property: Id(6)] double Score,
    [property: Id(7)] double Threshold,
    [property: Id(8)] double Band);
