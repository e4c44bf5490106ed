using System.Numerics;
using SkiaSharp;

namespace Supervision.FaceComparison;

/// <summary>
/// A 64-bit difference hash of a 9×8 grey thumbnail plus its mean brightness. The hash survives re-encoding and
/// resizing of the same frame; the brightness catches a retake in other light, whose gradients (and so hash) barely change.
/// </summary>
public sealed record ImageFingerprint(ulong DifferenceHash, double MeanBrightness)
{
    private const int HashWidth = 9;
    private const int HashHeight = 8;

    public static ImageFingerprint Of(SKBitmap bitmap)
    {
        var info = new SKImageInfo(HashWidth, HashHeight, SKColorType.Gray8, SKAlphaType.Opaque);
        using var grey = new SKBitmap(info);
        using (var canvas = new SKCanvas(grey))
        using (var image = SKImage.FromBitmap(bitmap))
        {
            canvas.DrawImage(image, new SKRect(0, 0, HashWidth, HashHeight), new SKSamplingOptions(SKCubicResampler.Mitchell));
        }

        var pixels = grey.GetPixelSpan();
        ulong hash = 0;
        var sum = 0.0;
        for (var y = 0; y < HashHeight; y++)
        {
            for (var x = 0; x < HashWidth; x++)
            {
                var value = pixels[y * grey.RowBytes + x];
                sum += value;
                if (x < HashWidth - 1)
                    hash = (hash << 1) | (value > pixels[y * grey.RowBytes + x + 1] ? 1UL : 0UL);
            }
        }

        return new ImageFingerprint(hash, sum / (HashWidth * HashHeight));
    }

    public int HammingDistance(ImageFingerprint other) => BitOperations.PopCount(DifferenceHash ^ other.DifferenceHash);
}
