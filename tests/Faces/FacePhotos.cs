using SkiaSharp;

namespace Supervision.TestFaces;

/// <summary>
/// The public-domain photos of tests/Faces (see SOURCES.md), read from the test output's <c>Faces</c> folder, and
/// same-person variants made from them in code, so a test needs no personal photo and no download.
/// </summary>
public static class FacePhotos
{
    private static readonly Lazy<byte[]> HopperBytes = new(() => Read("grace_hopper_512x512.jpg"));
    private static readonly Lazy<byte[]> AstronautBytes = new(() => Read("astronaut.png"));
    private static readonly Lazy<byte[]> CatBytes = new(() => Read("chelsea.png"));
    private static readonly Lazy<byte[]> WebcamBytes = new(() => Read("webcam_registered.jpg"));
    private static readonly Lazy<byte[][]> WebcamCaptures = new(() => [.. Enumerable.Range(1, LiveCaptureCount).Select(n => Read($"webcam_capture_{n:00}.jpg"))]);

    /// <summary>How many distinct live captures <see cref="LiveCapture"/> has.</summary>
    public const int LiveCaptureCount = 10;

    /// <summary>Grace Hopper, JPEG 512×512.</summary>
    public static byte[] Hopper => HopperBytes.Value;

    /// <summary>Eileen Collins, a different person, PNG 512×512.</summary>
    public static byte[] Astronaut => AstronautBytes.Value;

    /// <summary>A cat: a photo with no human face, PNG 451×300.</summary>
    public static byte[] Cat => CatBytes.Value;

    /// <summary>
    /// A learner's registered photo that real live captures exist of: a webcam frame, 400×300 JPEG (SOURCES.md).
    /// </summary>
    public static byte[] Registered => WebcamBytes.Value;

    /// <summary>
    /// A real new capture of the person of <see cref="Registered"/>, number 1 to <see cref="LiveCaptureCount"/>: webcam
    /// frames of other moments, where pose and expression differ, so none is an edited copy of the registered photo
    /// or of another capture (docs/face.md "Edited copies") and each passes against <see cref="Registered"/>.
    /// </summary>
    public static byte[] LiveCapture(int capture) =>
        capture is >= 1 and <= LiveCaptureCount
            ? WebcamCaptures.Value[capture - 1]
            : throw new ArgumentOutOfRangeException(nameof(capture), $"There are {LiveCaptureCount} live captures, 1 to {LiveCaptureCount}.");

    /// <summary>
    /// Grace Hopper's photo turned, scaled and re-exposed: a different picture to a grey-level fingerprint, but an
    /// edited copy of <see cref="Hopper"/> to the face print, so it is refused against <see cref="Hopper"/> as the registered
    /// photo. For tests of the identity comparer, where <paramref name="capture"/> varies the turn and light; a live
    /// capture for a face check is <see cref="LiveCapture"/>.
    /// </summary>
    public static byte[] HopperRetake(int capture) =>
        Variant(Hopper, scale: 0.9f, rotateDegrees: (capture * 3) - 6, brightness: 0.75f + (capture * 0.06f));

    /// <summary>
    /// A retake of the same photo: scaled by <paramref name="scale"/>, turned <paramref name="rotateDegrees"/> about its
    /// centre, its brightness multiplied by <paramref name="brightness"/>, optionally grey, and optionally cropped to
    /// <paramref name="crop"/> (fractions 0–1 of the source) before all that; encoded as JPEG unless told otherwise.
    /// </summary>
    public static byte[] Variant(
        byte[] photo,
        float scale = 1,
        float rotateDegrees = 0,
        float brightness = 1,
        bool grey = false,
        SKRect? crop = null,
        SKEncodedImageFormat format = SKEncodedImageFormat.Jpeg,
        int quality = 90)
    {
        using var source = SKBitmap.Decode(photo) ?? throw new ArgumentException("Not a decodable image.", nameof(photo));
        var region = crop ?? new SKRect(0, 0, 1, 1);
        var sourceRect = new SKRect(region.Left * source.Width, region.Top * source.Height, region.Right * source.Width, region.Bottom * source.Height);
        var width = Math.Max(1, (int)Math.Round(sourceRect.Width * scale));
        var height = Math.Max(1, (int)Math.Round(sourceRect.Height * scale));

        using var target = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(target))
        using (var image = SKImage.FromBitmap(source))
        using (var paint = new SKPaint { ColorFilter = ColourFilter(brightness, grey) })
        {
            canvas.Clear(SKColors.Gray);
            canvas.RotateDegrees(rotateDegrees, width / 2f, height / 2f);
            canvas.DrawImage(image, sourceRect, new SKRect(0, 0, width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), paint);
        }

        using var encoded = SKImage.FromBitmap(target);
        using var data = encoded.Encode(format, quality);
        return data.ToArray();
    }

    private static SKColorFilter ColourFilter(float brightness, bool grey)
    {
        // Rec. 601 luma weights, as a camera's greyscale mode would use.
        var (r, g, b) = (0.299f * brightness, 0.587f * brightness, 0.114f * brightness);
        float[] matrix = grey
            ? [r, g, b, 0, 0, r, g, b, 0, 0, r, g, b, 0, 0, 0, 0, 0, 1, 0]
            : [brightness, 0, 0, 0, 0, 0, brightness, 0, 0, 0, 0, 0, brightness, 0, 0, 0, 0, 0, 1, 0];
        return SKColorFilter.CreateColorMatrix(matrix);
    }

    private static byte[] Read(string file) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Faces", file));
}
