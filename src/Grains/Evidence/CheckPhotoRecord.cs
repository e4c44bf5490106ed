using Supervision.FaceComparison;

namespace Supervision.Grains.Evidence;

/// <summary>
/// One row of check_photos, with the registered photo it was compared against: <see cref="Reference"/> is the bytes
/// the comparer saw, fetched from <see cref="ReferenceUrl"/>, kept so that a review shows them whatever the URL serves later.
/// </summary>
public sealed record CheckPhotoRecord(
    DateTimeOffset At,
    string StudentKey,
    string ClassCode,
    string StudentUserCode,
    string BizCode,
    string? SourceUrl,
    string Decision,
    double? Score,
    double Threshold,
    ImageFingerprint Fingerprint,
    FacePrint? FacePrint,
    byte[] Image,
    string PlatformCode,
    string ReferenceUrl,
    byte[] Reference);
