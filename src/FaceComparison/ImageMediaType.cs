using SkiaSharp;

namespace Supervision.FaceComparison;

/// <summary>
/// The media type of bytes that are about to be served as an image: they must decode whole under <see cref="ImageCheck"/>
/// (a JPEG or PNG within <see cref="ImageLimits"/>), and the type is the decoder's, never a guess from a first byte or a
/// name, so a browser is never handed markup or script labelled as a picture.
/// </summary>
public static class ImageMediaType
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";

    /// <exception cref="ImageRejectedException">The bytes are not a whole JPEG or PNG within the limits.</exception>
    public static string Of(ReadOnlyMemory<byte> bytes)
    {
        ImageCheck.Decode(bytes).Dispose();
        using var data = SKData.CreateCopy(bytes.Span);
        using var codec = SKCodec.Create(data);
        return codec.EncodedFormat == SKEncodedImageFormat.Jpeg ? Jpeg : Png;
    }
}
