using Supervision.FaceComparison;

namespace Supervision.Grains.Evidence;

/// <summary>What a stored check photo is compared by: its thumbnail fingerprint and, when a face was found in it, its face print.</summary>
public sealed record StoredFingerprint(long PhotoId, ImageFingerprint Fingerprint, FacePrint? FacePrint);
