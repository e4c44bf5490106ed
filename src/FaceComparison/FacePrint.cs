using SkiaSharp;

namespace Supervision.FaceComparison;

/// <summary>
/// A face and what lies close around it as a small grey picture, drawn through the aligned face chip's transform
/// (<see cref="FaceChipAligner"/>): the alignment undoes rotation, scale, crop and shift, the small size undoes blur and
/// re-encoding, and <see cref="Likeness"/> is a correlation, blind to brightness and contrast. An edited photo keeps
/// the same picture; a new capture of the same person moves the head against the room and the collar, and changes
/// expression and light. Calibrated in docs/face.md "Edited copies".
/// </summary>
public sealed class FacePrint
{
    public const int Side = 64;

    // The square of the 150×150 chip's plane the print covers: twice the chip's face width (25–125), centred on it,
    // so hair, ears, collar and background close to the face are in it. The face alone is the same picture at every
    // check of a learner who sits still; its place among those is what a new capture changes.
    private const float RegionLeft = -25, RegionTop = -25, RegionSize = 200;

    // The share of pixels left out of the correlation, those that differ most: the corners an attacker fills when
    // turning or shifting a photo, or a crop's edge.
    private const double TrimmedShare = 0.1;

    // 0 marks a print pixel that falls outside the photo; the photo's own grey levels are 1–255.
    private const byte Outside = 0;
    private const int Levels = 255;

    private readonly byte[] _pixels;

    private FacePrint(byte[] pixels) => _pixels = pixels;

    /// <summary>The print of the face whose 68 landmarks are given, drawn from the photo they were found in.</summary>
    public static FacePrint? Of(SKImage image, ReadOnlySpan<SKPoint> landmarks)
    {
        if (!FaceChipAligner.ChipToImage(landmarks).TryInvert(out var imageToChip))
            return null;
        var chipToPrint = SKMatrix.CreateScale(Side / RegionSize, Side / RegionSize).PreConcat(SKMatrix.CreateTranslation(-RegionLeft, -RegionTop));
        using var bitmap = new SKBitmap(new SKImageInfo(Side, Side, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Transparent);
            canvas.SetMatrix(chipToPrint.PreConcat(imageToChip));
            canvas.DrawImage(image, 0, 0, RgbTensor.Sampling);
        }

        var rgba = bitmap.GetPixelSpan();
        var grey = new byte[Side * Side];
        for (var i = 0; i < grey.Length; i++)
        {
            var pixel = rgba.Slice(i * 4, 4);
            var luma = (0.299 * pixel[0] + 0.587 * pixel[1] + 0.114 * pixel[2]) / 255 * (Levels - 1);
            grey[i] = pixel[3] < 255 ? Outside : (byte)(1 + Math.Round(luma));
        }

        return new FacePrint(grey);
    }

    /// <summary>A print read back from storage, as written by <see cref="ToBytes"/>.</summary>
    public static FacePrint FromStored(ReadOnlySpan<byte> stored)
    {
        if (stored.Length != Side * Side)
            throw new ArgumentException($"A stored face print has {Side * Side} bytes, not {stored.Length}.", nameof(stored));
        return new FacePrint(stored.ToArray());
    }

    public byte[] ToBytes() => (byte[])_pixels.Clone();

    /// <summary>
    /// The correlation (−1 to 1) of the two prints' grey levels, the larger of as-is and one of them mirrored: a
    /// mirrored photo's landmarks are found on the mirrored face, so its print is the original's, flipped.
    /// </summary>
    public double Likeness(FacePrint other) => Math.Max(Correlation(other, mirrored: false), Correlation(other, mirrored: true));

    private double Correlation(FacePrint other, bool mirrored)
    {
        var a = new double[Side * Side];
        var b = new double[Side * Side];
        var count = 0;
        for (var y = 0; y < Side; y++)
        {
            for (var x = 0; x < Side; x++)
            {
                var myPixel = _pixels[y * Side + x];
                var theirPixel = other._pixels[y * Side + (mirrored ? Side - 1 - x : x)];
                if (myPixel == Outside || theirPixel == Outside)
                    continue;
                a[count] = myPixel;
                b[count] = theirPixel;
                count++;
            }
        }

        if (count < Side)
            return 0;
        Standardise(a.AsSpan(0, count));
        Standardise(b.AsSpan(0, count));
        var differences = new double[count];
        for (var i = 0; i < count; i++)
            differences[i] = Math.Abs(a[i] - b[i]);
        Array.Sort(differences);
        var largestKept = differences[(int)((count - 1) * (1 - TrimmedShare))];

        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            if (Math.Abs(a[i] - b[i]) > largestKept)
                continue;
            a[kept] = a[i];
            b[kept] = b[i];
            kept++;
        }

        var keptA = a.AsSpan(0, kept);
        var keptB = b.AsSpan(0, kept);
        Standardise(keptA);
        Standardise(keptB);
        var sum = 0.0;
        for (var i = 0; i < kept; i++)
            sum += keptA[i] * keptB[i];
        return sum / kept;
    }

    /// <summary>To zero mean and unit spread, in place; all zero when the values do not vary.</summary>
    private static void Standardise(Span<double> values)
    {
        var mean = 0.0;
        foreach (var v in values)
            mean += v;
        mean /= values.Length;
        var variance = 0.0;
        foreach (var v in values)
            variance += (v - mean) * (v - mean);
        var spread = Math.Sqrt(variance / values.Length);
        for (var i = 0; i < values.Length; i++)
            values[i] = spread == 0 ? 0 : (values[i] - mean) / spread;
    }
}
