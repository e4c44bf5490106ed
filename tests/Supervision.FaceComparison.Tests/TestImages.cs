using SkiaSharp;

namespace Supervision.FaceComparison.Tests;

/// <summary>Synthetic pictures drawn in code, so the image checks are tested without any personal photo.</summary>
internal static class TestImages
{
    public static SKBitmap Scene(int width = 640, int height = 480)
    {
        var bitmap = new SKBitmap(width, height);
        using var canvas = new SKCanvas(bitmap);
        using var background = new SKPaint
        {
            Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height),
                [new SKColor(30, 60, 120), new SKColor(220, 200, 160)], SKShaderTileMode.Clamp),
        };
        canvas.DrawRect(0, 0, width, height, background);
        using var shape = new SKPaint { IsAntialias = true };
        shape.Color = new SKColor(240, 220, 200);
        canvas.DrawOval(width * 0.5f, height * 0.45f, width * 0.18f, height * 0.3f, shape);
        shape.Color = new SKColor(20, 20, 30);
        canvas.DrawCircle(width * 0.43f, height * 0.38f, width * 0.03f, shape);
        canvas.DrawCircle(width * 0.57f, height * 0.38f, width * 0.03f, shape);
        shape.Color = new SKColor(160, 40, 40);
        canvas.DrawRect(width * 0.44f, height * 0.58f, width * 0.12f, height * 0.04f, shape);
        shape.Color = new SKColor(40, 120, 60);
        canvas.DrawRect(0, height * 0.8f, width * 0.3f, height * 0.2f, shape);
        return bitmap;
    }

    /// <summary>Sky, ground and a house: a picture with nothing face-like in it (<see cref="Scene"/> is a drawn face on purpose).</summary>
    public static byte[] Landscape(int width = 640, int height = 480)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { IsAntialias = true })
        {
            paint.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, height * 0.6f),
                [new SKColor(90, 150, 230), new SKColor(200, 225, 250)], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, width, height * 0.6f, paint);
            paint.Shader = null;
            paint.Color = new SKColor(70, 140, 60);
            canvas.DrawRect(0, height * 0.6f, width, height * 0.4f, paint);
            paint.Color = new SKColor(170, 80, 60);
            canvas.DrawRect(width * 0.6f, height * 0.42f, width * 0.2f, height * 0.2f, paint);
            paint.Color = new SKColor(90, 60, 50);
            canvas.DrawRect(width * 0.67f, height * 0.52f, width * 0.05f, height * 0.1f, paint);
        }

        return Encode(bitmap, SKEncodedImageFormat.Jpeg);
    }

    public static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format = SKEncodedImageFormat.Png, int quality = 90)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, quality);
        return data.ToArray();
    }

    public static byte[] Png(int width, int height)
    {
        using var bitmap = Scene(width, height);
        return Encode(bitmap);
    }

    public static SKBitmap Transformed(SKBitmap source, int width, int height, Action<SKCanvas> transform, SKColorFilter? filter = null)
    {
        var bitmap = new SKBitmap(width, height);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.Black);
        transform(canvas);
        using var paint = new SKPaint { ColorFilter = filter };
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, new SKRect(0, 0, width, height), new SKSamplingOptions(SKFilterMode.Linear), paint);
        return bitmap;
    }
}
