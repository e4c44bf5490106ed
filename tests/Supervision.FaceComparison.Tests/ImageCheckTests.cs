using SkiaSharp;

namespace Supervision.FaceComparison.Tests;

public sealed class ImageCheckTests
{
    private static ImageRejectionReason RejectionOf(byte[] bytes) =>
        Assert.Throws<ImageRejectedException>(() => ImageCheck.Decode(bytes).Dispose()).Reason;

    [Fact]
    public void A_png_within_the_limits_is_decoded()
    {
        using var image = ImageCheck.Decode(TestImages.Png(640, 480));
        Assert.Equal((640, 480), (image.Width, image.Height));
    }

    [Fact]
    public void A_jpeg_within_the_limits_is_decoded()
    {
        using var scene = TestImages.Scene();
        using var image = ImageCheck.Decode(TestImages.Encode(scene, SKEncodedImageFormat.Jpeg));
        Assert.Equal(640, image.Width);
    }

    [Fact]
    public void Garbage_bytes_are_rejected_as_not_an_image()
    {
        var garbage = new byte[4096];
        new Random(7).NextBytes(garbage);
        Assert.Equal(ImageRejectionReason.NotAnImage, RejectionOf(garbage));
    }

    [Fact]
    public void A_truncated_png_header_is_rejected_as_not_an_image() =>
        Assert.Equal(ImageRejectionReason.NotAnImage, RejectionOf(TestImages.Png(64, 64)[..20]));

    [Fact]
    public void Empty_bytes_are_rejected() => Assert.Equal(ImageRejectionReason.Empty, RejectionOf([]));

    [Fact]
    public void More_than_two_megabytes_is_rejected_before_decoding() =>
        Assert.Equal(ImageRejectionReason.TooManyBytes, RejectionOf(new byte[2 * 1024 * 1024 + 1]));

    [Fact]
    public void A_webp_is_rejected_as_unsupported()
    {
        using var scene = TestImages.Scene(64, 64);
        Assert.Equal(ImageRejectionReason.UnsupportedFormat, RejectionOf(TestImages.Encode(scene, SKEncodedImageFormat.Webp)));
    }

    [Theory]
    [InlineData(1921, 100)]
    [InlineData(100, 1921)]
    [InlineData(1200, 1200)]
    public void Dimensions_beyond_1920_by_1080_in_either_orientation_are_rejected(int width, int height) =>
        Assert.Equal(ImageRejectionReason.TooLarge, RejectionOf(TestImages.Png(width, height)));

    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(1080, 1920)]
    public void The_largest_allowed_landscape_and_portrait_sizes_are_accepted(int width, int height)
    {
        using var image = ImageCheck.Decode(TestImages.Png(width, height));
        Assert.Equal(width, image.Width);
    }
}
