using SkiaSharp;

namespace Supervision.WebFront.Apis;

/// <summary>
/// Draws a pop-up code as a PNG, digits as seven-segment strokes with a little jitter and noise: no font is
/// needed (the server may have none), and the picture is not plain text for a script to read.
/// </summary>
public static class VerificationImage
{
    private const int DigitWidth = 26;
    private const int Height = 48;

    // Segments a–g of each digit as bits 0–6.
    private static readonly int[] Segments = [0x3F, 0x06, 0x5B, 0x4F, 0x66, 0x6D, 0x7D, 0x07, 0x7F, 0x6F];

    public static byte[] Render(string code)
    {
        var random = new Random();
        using var bitmap = new SKBitmap(code.Length * DigitWidth + 16, Height);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(new SKColor(245, 245, 240));
        using var noise = new SKPaint { Color = new SKColor(180, 180, 200), StrokeWidth = 1, IsAntialias = true };
        for (var i = 0; i < 6; i++)
        {
            canvas.DrawLine(random.Next(bitmap.Width), random.Next(Height), random.Next(bitmap.Width), random.Next(Height), noise);
        }

        using var ink = new SKPaint { Color = new SKColor(30, 40, 90), StrokeWidth = 3, IsAntialias = true, StrokeCap = SKStrokeCap.Round };
        for (var i = 0; i < code.Length; i++)
        {
            DrawDigit(canvas, ink, code[i] - '0', 8 + (i * DigitWidth) + random.Next(-2, 3), 8 + random.Next(-3, 4));
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static void DrawDigit(SKCanvas canvas, SKPaint ink, int digit, float x, float y)
    {
        const float w = 16, h = 14;
        (float X1, float Y1, float X2, float Y2)[] strokes =
        [
            (0, 0, w, 0), (w, 0, w, h), (w, h, w, 2 * h), (0, 2 * h, w, 2 * h), (0, h, 0, 2 * h), (0, 0, 0, h), (0, h, w, h),
        ];
        for (var s = 0; s < strokes.Length; s++)
        {
            if ((Segments[digit] & (1 << s)) != 0)
            {
                canvas.DrawLine(x + strokes[s].X1, y + strokes[s].Y1, x + strokes[s].X2, y + strokes[s].Y2, ink);
            }
        }
    }
}
