using SkiaSharp;

namespace Supervision.FaceComparison;

/// <summary>Refuses anything that is not a JPEG or PNG within <see cref="ImageLimits"/>, with a typed reason instead of a crash.</summary>
public static class ImageCheck
{
    public static CheckedImage Decode(ReadOnlyMemory<byte> bytes, ImageLimits? limits = null)
    {
        limits ??= ImageLimits.Default;
        if (bytes.IsEmpty)
            throw new ImageRejectedException(ImageRejectionReason.Empty, "The image is empty.");
        if (bytes.Length > limits.MaxBytes)
            throw new ImageRejectedException(ImageRejectionReason.TooManyBytes, $"The image has {bytes.Length} bytes; at most {limits.MaxBytes} are accepted.");

        using var data = SKData.CreateCopy(bytes.Span);
        using var codec = SKCodec.Create(data)
            ?? throw new ImageRejectedException(ImageRejectionReason.NotAnImage, "The bytes are not a decodable image.");
        if (codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png))
            throw new ImageRejectedException(ImageRejectionReason.UnsupportedFormat, $"{codec.EncodedFormat} images are not accepted; send JPEG or PNG.");

        // Checked on the header before decoding, so a huge declared size costs no memory.
        var longSide = Math.Max(codec.Info.Width, codec.Info.Height);
        var shortSide = Math.Min(codec.Info.Width, codec.Info.Height);
        if (longSide > limits.MaxLongSide || shortSide > limits.MaxShortSide)
            throw new ImageRejectedException(ImageRejectionReason.TooLarge, $"The image is {codec.Info.Width}×{codec.Info.Height}; at most {limits.MaxLongSide}×{limits.MaxShortSide} in either orientation is accepted.");

        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            bitmap.Dispose();
            throw new ImageRejectedException(ImageRejectionReason.NotAnImage, $"The image could not be decoded ({result}).");
        }

        return new CheckedImage(bitmap);
    }
}
