using SkiaSharp;

namespace Supervision.FaceComparison;

/// <summary>
/// A photo centred on a canvas twice its size, filled with mid grey: the second look for a face when the first found
/// none. The detector misses a face that fills the frame (a two-inch ID photo, a close selfie), and a face box that
/// runs past the photo's edge is clipped before the landmarks, so both need the room around the face a wider canvas gives.
/// </summary>
public static class WidenedCanvas
{
    public const int Factor = 2;

    // Mid grey, not black: black borders read as dark hair or a dark background at the face's edge.
    private static readonly SKColor Fill = new(128, 128, 128);

    public static SKImage Widen(SKImage photo)
    {
        var info = new SKImageInfo(photo.Width * Factor, photo.Height * Factor, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        surface.Canvas.Clear(Fill);
        surface.Canvas.DrawImage(photo, (info.Width - photo.Width) / 2f, (info.Height - photo.Height) / 2f);
        return surface.Snapshot();
    }
}
