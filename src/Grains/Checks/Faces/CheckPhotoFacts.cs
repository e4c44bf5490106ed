namespace Supervision.Grains.Checks.Faces;

/// <summary>What a stored check photo's row says about it, without the image.</summary>
public sealed record CheckPhotoFacts(
    long Id,
    DateTimeOffset At,
    string StudentKey,
    string ClassCode,
    string StudentUserCode,
    string BizCode,
    string Decision,
    double? Score,
    double Threshold);
