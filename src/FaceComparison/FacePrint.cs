using SkiaSharp;

namespace Supervision.FaceComparison;

/// <summary>
/// The face of a photo as a small grey picture, cut along the aligned face chip (<see cref="FaceChipAligner"/>): the
/// alignment undoes rotation, scale, crop and shift, the small size undoes blur and re-encoding, and
/// <see cref="Likeness"/> is a correlation, blind to brightness and contrast. Two edits of one photo keep the same
/// picture; two captures of one person differ in expression, pose, light and the few pixels a living face moves.
/// </summary>
public sealed class FacePrint
{
    public const int Side = 64;

    // The part of the 150×150 chip the print covers: the face from brows to chin, little background.
    private const float RegionLeft = -25, RegionTop = -25, RegionSize = 200;

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
        var a = new List<double>(Side * Side);
        var b = new List<double>(Side * Side);
        for (var y = 0; y < Side; y++)
        {
            for (var x = 0; x < Side; x++)
            {
                var p = _pixels[y * Side + x];
                var q = other._pixels[y * Side + (mirrored ? Side - 1 - x : x)];
                if (p == Outside || q == Outside)
                    continue;
                a.Add(p);
                b.Add(q);
            }
        }

        if (a.Count < Side)
            return 0;
        var za = Standardised(a);
        var zb = Standardised(b);
        var residuals = za.Zip(zb, (p, q) => Math.Abs(p - q)).Order().ToArray();
        var bound = residuals[(int)((residuals.Length - 1) * (1 - TrimmedShare))];
        var keptA = new List<double>();
        var keptB = new List<double>();
        for (var i = 0; i < za.Length; i++)
        {
            if (Math.Abs(za[i] - zb[i]) > bound)
                continue;
            keptA.Add(za[i]);
            keptB.Add(zb[i]);
        }

        var sa = Standardised(keptA);
        var sb = Standardised(keptB);
        return sa.Zip(sb, (p, q) => p * q).Sum() / sa.Length;
    }

    private const double TrimmedShare = 0.1;

    private static double[] Standardised(List<double> values)
    {
        var mean = values.Average();
        var spread = Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
        return [.. values.Select(v => spread == 0 ? 0 : (v - mean) / spread)];
    }
}
