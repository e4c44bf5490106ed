using SkiaSharp;

namespace Supervision.FaceComparison;

/// <summary>
/// A 16×16 grey thumbnail of a photo. Re-encoding or resizing the same frame changes its pixels by a grey level
/// or two on average; a live retake — turned a degree, framed a little differently, in other light — by far more.
/// A difference hash was tried first: on real portraits with flat backgrounds a JPEG re-encode flipped as many
/// of its bits as a genuine retake did, so the thumbnail's own grey levels are compared instead.
/// </summary>
public sealed class ImageFingerprint
{
    public const int Side = 16;

    private readonly byte[] thumbnail;

    private ImageFingerprint(byte[] thumbnail) => this.thumbnail = thumbnail;

    public double MeanBrightness => thumbnail.Average(p => (double)p);

    public static ImageFingerprint Of(SKBitmap bitmap)
    {
        var info = new SKImageInfo(Side, Side, SKColorType.Gray8, SKAlphaType.Opaque);
        using var grey = new SKBitmap(info);
        using (var canvas = new SKCanvas(grey))
        using (var image = SKImage.FromBitmap(bitmap))
        {
            canvas.DrawImage(image, new SKRect(0, 0, Side, Side), new SKSamplingOptions(SKCubicResampler.Mitchell));
        }

        return new ImageFingerprint(grey.GetPixelSpan().ToArray());
    }

    /// <summary>A fingerprint read back from storage, as written by <see cref="ToBytes"/>.</summary>
    public static ImageFingerprint FromStored(ReadOnlySpan<byte> stored)
    {
        if (stored.Length != Side * Side)
            throw new ArgumentException($"A stored fingerprint has {Side * Side} bytes, not {stored.Length}.", nameof(stored));
        return new ImageFingerprint(stored.ToArray());
    }

    public byte[] ToBytes() => (byte[])thumbnail.Clone();

    /// <summary>Mean absolute difference of the two thumbnails, in grey levels (0–255).</summary>
    public double MeanDifference(ImageFingerprint other)
    {
        var sum = 0;
        for (var i = 0; i < thumbnail.Length; i++)
            sum += Math.Abs(thumbnail[i] - other.thumbnail[i]);
        return (double)sum / thumbnail.Length;
    }
}
