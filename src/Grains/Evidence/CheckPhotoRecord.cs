using Supervision.FaceComparison;

namespace Supervision.Grains.Evidence;

/// <summary>One row of check_photos.</summary>
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
    byte[] Image);
