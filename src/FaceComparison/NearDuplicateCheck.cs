namespace Supervision.FaceComparison;

/// <summary>
/// Spots a replayed capture: the same frame submitted again, possibly re-encoded or resized. A live retake of the
/// same person differs in pose or light by more than these bounds (4 of 256 hash bits, 3 grey levels of mean brightness), so it is not a duplicate.
/// </summary>
public sealed class NearDuplicateCheck(int maxHammingDistance = 4, double maxBrightnessDifference = 3)
{
    public bool IsNearDuplicate(ImageFingerprint a, ImageFingerprint b) =>
        a.HammingDistance(b) <= maxHammingDistance
        && Math.Abs(a.MeanBrightness - b.MeanBrightness) <= maxBrightnessDifference;

    /// <exception cref="ImageRejectedException">Either image fails <see cref="ImageCheck"/>.</exception>
    public bool IsNearDuplicate(ReadOnlyMemory<byte> a, ReadOnlyMemory<byte> b)
    {
        using var first = ImageCheck.Decode(a);
        using var second = ImageCheck.Decode(b);
        return IsNearDuplicate(ImageFingerprint.Of(first.Bitmap), ImageFingerprint.Of(second.Bitmap));
    }
}
