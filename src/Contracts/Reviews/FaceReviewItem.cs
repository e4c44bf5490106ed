namespace Supervision.Contracts.Reviews;

/// <summary>
/// A learner in one class with face-check photos waiting for review: the comparer's score fell within the review
/// band around the threshold. However many such attempts the learner has, they are one item (<see cref="Attempts"/>,
/// <see cref="Passes"/>), shown by the riskiest photo (<see cref="PhotoId"/>: the pass nearest the threshold, or the
/// refusal nearest it when none passed), so that a flood of attempts on one learner buries no one else.
/// <see cref="MachineDecision"/> is what the learning platform was answered at once for that photo.
/// <see cref="ReferenceDigest"/> is the SHA-256 (hex) of the registered photo that photo was compared against, kept
/// with it; null for a photo stored before references were kept.
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
    [property: Id(8)] double Band,
    [property: Id(9)] string? PlatformCode,
    [property: Id(10)] int Attempts,
    [property: Id(11)] int Passes,
    [property: Id(12)] DateTimeOffset LatestAt,
    [property: Id(13)] string? ReferenceDigest);
