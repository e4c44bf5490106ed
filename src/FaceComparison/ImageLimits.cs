namespace Supervision.FaceComparison;

/// <summary>
/// Limits from the platform seed: at most 2 MB and 1920×1080. The pixel bound applies in either orientation
/// (long side ≤ 1920, short side ≤ 1080) because phones submit portrait photos of the same sensor size.
/// </summary>
public sealed record ImageLimits(int MaxBytes, int MaxLongSide, int MaxShortSide)
{
    public static ImageLimits Default { get; } = new(2 * 1024 * 1024, 1920, 1080);
}
