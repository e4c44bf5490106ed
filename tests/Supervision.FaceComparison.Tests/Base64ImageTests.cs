namespace Supervision.FaceComparison.Tests;

public sealed class Base64ImageTests
{
    [Fact]
    public void A_data_url_prefix_is_stripped()
    {
        var bytes = TestImages.Png(32, 32);
        var encoded = Convert.ToBase64String(bytes);
        Assert.Equal(encoded, Base64Image.StripDataPrefix("data:image/png;base64," + encoded));
        Assert.Equal(bytes, Base64Image.Decode("data:image/jpeg;base64," + encoded));
    }

    [Fact]
    public void Plain_base64_is_decoded_unchanged()
    {
        var bytes = TestImages.Png(32, 32);
        Assert.Equal(bytes, Base64Image.Decode(Convert.ToBase64String(bytes)));
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("data:image/png;base64,%%%")]
    public void Invalid_base64_is_a_typed_rejection(string text) =>
        Assert.Equal(ImageRejectionReason.NotBase64, Assert.Throws<ImageRejectedException>(() => Base64Image.Decode(text)).Reason);

    [Fact]
    public void An_empty_payload_is_a_typed_rejection() =>
        Assert.Equal(ImageRejectionReason.Empty, Assert.Throws<ImageRejectedException>(() => Base64Image.Decode("data:image/png;base64,")).Reason);
}
