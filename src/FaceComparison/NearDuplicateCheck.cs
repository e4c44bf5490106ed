namespace Supervision.FaceComparison;

/// <summary>
/// Spots a replayed capture: the same frame submitted again, possibly re-encoded, resized or slightly re-exposed.
/// Measured on the test portraits: such copies differ by at most 3.8 grey levels on average, while a retake turned
/// one degree or framed 1 % differently differs by 8.8 or more; the bound sits between.
/// </summary>
public sealed class NearDuplicateCheck(double maxMeanDifference = 5)
{
    public bool IsNearDuplicate(ImageFingerprint a, ImageFingerprint b) => a.MeanDifference(b) <= maxMeanDifference;

    /// <exception cref="ImageRejectedException">Either image fails <see cref="ImageCheck"/>.</exception>
    public bool IsNearDuplicate(ReadOnlyMemory<byte> a, ReadOnlyMemory<byte> b)
    {
        using var first = ImageCheck.Decode(a);
        using var second = ImageCheck.Decode(b);
        return IsNearDuplicate(ImageFingerprint.Of(first.Bitmap), ImageFingerprint.Of(second.Bitmap));
    }
}
