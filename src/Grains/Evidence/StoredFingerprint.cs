using Supervision.FaceComparison;

namespace Supervision.Grains.Evidence;

public sealed record StoredFingerprint(long PhotoId, ImageFingerprint Fingerprint);
