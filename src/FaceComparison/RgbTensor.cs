using SkiaSharp;

namespace Supervision.FaceComparison;

/// <summary>Draws part of a photo onto a square black canvas and returns its pixels as the networks' NCHW RGB input.</summary>
public static class RgbTensor
{
    // Mipmaps keep a large photo's downscale from aliasing; plain bilinear would skip most source pixels.
    public static SKSamplingOptions Sampling { get; } = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    public static float[] Render(int size, Action<SKCanvas> draw)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Black);
            draw(canvas);
        }

        var pixels = bitmap.GetPixelSpan();
        var plane = size * size;
        var tensor = new float[3 * plane];
        for (var y = 0; y < size; y++)
        {
            var row = y * bitmap.RowBytes;
            for (var x = 0; x < size; x++)
            {
                var source = row + x * 4;
                var target = y * size + x;
                tensor[target] = pixels[source];
                tensor[plane + target] = pixels[source + 1];
                tensor[2 * plane + target] = pixels[source + 2];
            }
        }

        return tensor;
    }
}
