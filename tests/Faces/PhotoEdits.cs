using SkiaSharp;

namespace Supervision.TestFaces;

/// <summary>
/// The edits an attacker makes with SkiaSharp to pass a photo off as a new capture: each turns the photo into another
/// photo of the same size (unless it scales or crops), re-encoded as JPEG unless it says otherwise.
/// </summary>
public static class PhotoEdits
{
    public sealed record Edit(string Name, Func<SKBitmap, SKBitmap> Apply, int Quality = 90);

    public static Edit Rotate(float degrees) => new($"rotate {degrees}°", b => Draw(b, b.Width, b.Height, c => c.RotateDegrees(degrees, b.Width / 2f, b.Height / 2f)));

    public static Edit Mirror() => new("mirror", b => Draw(b, b.Width, b.Height, c => c.Scale(-1, 1, b.Width / 2f, 0)));

    /// <summary>Keeps the centre, cutting <paramref name="fraction"/> of the width and height, split between the sides.</summary>
    public static Edit Crop(float fraction) => new($"crop {fraction:P0}", b =>
    {
        var width = (int)Math.Round(b.Width * (1 - fraction));
        var height = (int)Math.Round(b.Height * (1 - fraction));
        return Draw(b, width, height, c => c.Translate(-(b.Width - width) / 2f, -(b.Height - height) / 2f));
    });

    /// <summary>Cuts <paramref name="fraction"/> of the width and height from the right and bottom only: the face moves off centre.</summary>
    public static Edit CropCorner(float fraction) => new($"crop {fraction:P0} from a corner", b =>
        Draw(b, (int)Math.Round(b.Width * (1 - fraction)), (int)Math.Round(b.Height * (1 - fraction)), _ => { }));

    public static Edit Scale(float factor) => new($"scale ×{factor}", b =>
        Draw(b, (int)Math.Round(b.Width * factor), (int)Math.Round(b.Height * factor), c => c.Scale(factor)));

    public static Edit Shift(int pixels) => new($"shift {pixels} px", b => Draw(b, b.Width, b.Height, c => c.Translate(pixels, pixels)));

    public static Edit Blur(float sigma) => new($"blur σ {sigma}", b => Draw(b, b.Width, b.Height, _ => { }, SKImageFilter.CreateBlur(sigma, sigma)));

    public static Edit Brightness(float factor) => new($"brightness ×{factor}", b => Draw(b, b.Width, b.Height, _ => { }, colours: Linear(factor, 0)));

    /// <summary>Stretches grey levels about mid-grey by <paramref name="factor"/>.</summary>
    public static Edit Contrast(float factor) => new($"contrast ×{factor}", b => Draw(b, b.Width, b.Height, _ => { }, colours: Linear(factor, 0.5f * (1 - factor))));

    public static Edit Jpeg(int quality) => new($"JPEG quality {quality}", b => b.Copy(), quality);

    /// <summary>One edit after another; the JPEG quality of the last one that sets it below 90 wins.</summary>
    public static Edit Chain(params Edit[] edits) => new(string.Join(" + ", edits.Select(e => e.Name)), b =>
    {
        var current = b.Copy();
        foreach (var edit in edits)
        {
            var next = edit.Apply(current);
            current.Dispose();
            current = next;
        }

        return current;
    }, edits.Select(e => e.Quality).DefaultIfEmpty(90).Min());

    public static byte[] Encode(SKBitmap bitmap, Edit edit)
    {
        using var edited = edit.Apply(bitmap);
        using var image = SKImage.FromBitmap(edited);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, edit.Quality);
        return data.ToArray();
    }

    public static byte[] Apply(byte[] photo, Edit edit)
    {
        using var bitmap = SKBitmap.Decode(photo) ?? throw new ArgumentException("Not a decodable image.", nameof(photo));
        return Encode(bitmap, edit);
    }

    private static SKColorFilter Linear(float factor, float offset) => SKColorFilter.CreateColorMatrix(
    [
        factor, 0, 0, 0, offset,
        0, factor, 0, 0, offset,
        0, 0, factor, 0, offset,
        0, 0, 0, 1, 0,
    ]);

    private static SKBitmap Draw(SKBitmap source, int width, int height, Action<SKCanvas> transform, SKImageFilter? filter = null, SKColorFilter? colours = null)
    {
        var target = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(target);
        using var image = SKImage.FromBitmap(source);
        using var paint = new SKPaint { ImageFilter = filter, ColorFilter = colours };
        // An attacker fills what the edit uncovers with the photo's own edge colours would do no better: white, as an ID photo's background.
        canvas.Clear(SKColors.White);
        transform(canvas);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), paint);
        return target;
    }
}
