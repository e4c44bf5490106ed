using SkiaSharp;

namespace Supervision.FaceComparison;

/// <summary>An image that passed <see cref="ImageCheck"/>: decoded once so later stages need not decode again.</summary>
public sealed class CheckedImage(SKBitmap bitmap) : IDisposable
{
    public SKBitmap Bitmap { get; } = bitmap;

    public int Width => Bitmap.Width;

    public int Height => Bitmap.Height;

    public void Dispose() => Bitmap.Dispose();
}
