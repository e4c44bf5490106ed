namespace Supervision.Grains.Checks.Faces;

/// <summary>
/// What a stored check photo's row says about it, without the image; <see cref="ReferenceDigest"/> is the SHA-256 (hex)
/// of the registered photo it was compared against, null for a row stored before those were kept.
/// </summary>
public sealed record CheckPhotoFacts(
    long Id,
    DateTimeOffset At,
    string StudentKey,
    string ClassCode,
    string StudentUserCode,
    string BizCode,
    string Decision,
    double? Score,
    double Threshold,
    string? ReferenceDigest);
