using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.InteropServices;
using SkiaSharp;

namespace Supervision.FaceComparison;

/// <summary>
/// A 256-bit difference hash of a 17×16 grey thumbnail plus its mean brightness. The hash survives re-encoding and
/// resizing of the same frame; the brightness catches a retake in other light, whose gradients (and so hash) barely change.
/// 256 bits rather than the usual 64 because an 8×8 hash cannot tell a frame from the same scene turned a few degrees.
/// </summary>
public sealed class ImageFingerprint
{
    public const int HashBits = (HashWidth - 1) * HashHeight;
    private const int HashWidth = 17;
    private const int HashHeight = 16;

    private ImageFingerprint(ImmutableArray<ulong> differenceHash, double meanBrightness)
    {
        DifferenceHash = differenceHash;
        MeanBrightness = meanBrightness;
    }

    public ImmutableArray<ulong> DifferenceHash { get; }

    public double MeanBrightness { get; }

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
        var hash = new ulong[HashBits / 64];
        var bit = 0;
        var sum = 0.0;
        for (var y = 0; y < HashHeight; y++)
        {
            var row = y * grey.RowBytes;
            for (var x = 0; x < HashWidth; x++)
            {
                sum += pixels[row + x];
                if (x == HashWidth - 1)
                    continue;
                if (pixels[row + x] > pixels[row + x + 1])
                    hash[bit / 64] |= 1UL << (bit % 64);
                bit++;
            }
        }

        return new ImageFingerprint([.. hash], sum / (HashWidth * HashHeight));
    }

    /// <summary>A fingerprint read back from storage, as written by <see cref="HashBytes"/>.</summary>
    public static ImageFingerprint FromStored(ReadOnlySpan<byte> hashBytes, double meanBrightness)
    {
        if (hashBytes.Length != HashBits / 8)
            throw new ArgumentException($"A stored hash has {HashBits / 8} bytes, not {hashBytes.Length}.", nameof(hashBytes));
        return new ImageFingerprint([.. MemoryMarshal.Cast<byte, ulong>(hashBytes)], meanBrightness);
    }

    public byte[] HashBytes() => MemoryMarshal.AsBytes(DifferenceHash.AsSpan()).ToArray();

    public int HammingDistance(ImageFingerprint other)
    {
        var distance = 0;
        for (var i = 0; i < DifferenceHash.Length; i++)
            distance += BitOperations.PopCount(DifferenceHash[i] ^ other.DifferenceHash[i]);
        return distance;
    }
}
