using SkiaSharp;

namespace Supervision.FaceComparison.Tests;

public sealed class NearDuplicateCheckTests
{
    private readonly NearDuplicateCheck _check = new();

    [Fact]
    public void The_same_frame_submitted_twice_is_a_duplicate()
    {
        var png = TestImages.Png(640, 480);
        Assert.True(_check.IsNearDuplicate(png, png));
    }

    [Fact]
    public void The_same_frame_reencoded_as_jpeg_is_a_duplicate()
    {
        using var scene = TestImages.Scene();
        Assert.True(_check.IsNearDuplicate(TestImages.Encode(scene), TestImages.Encode(scene, SKEncodedImageFormat.Jpeg, 60)));
    }

    [Fact]
    public void The_same_frame_resized_is_a_duplicate()
    {
        using var scene = TestImages.Scene();
        using var smaller = TestImages.Transformed(scene, 320, 240, _ => { });
        Assert.True(_check.IsNearDuplicate(TestImages.Encode(scene), TestImages.Encode(smaller, SKEncodedImageFormat.Jpeg)));
    }

    [Fact]
    public void A_retake_turned_a_few_degrees_is_not_a_duplicate()
    {
        using var scene = TestImages.Scene();
        using var rotated = TestImages.Transformed(scene, 640, 480, canvas => canvas.RotateDegrees(6, 320, 240));
        Assert.False(_check.IsNearDuplicate(TestImages.Encode(scene), TestImages.Encode(rotated)));
    }

    [Fact]
    public void A_retake_in_darker_light_is_not_a_duplicate()
    {
        using var scene = TestImages.Scene();
        var darken = SKColorFilter.CreateColorMatrix(
        [
            0.6f, 0, 0, 0, 0,
            0, 0.6f, 0, 0, 0,
            0, 0, 0.6f, 0, 0,
            0, 0, 0, 1, 0,
        ]);
        using var darker = TestImages.Transformed(scene, 640, 480, _ => { }, darken);
        Assert.False(_check.IsNearDuplicate(TestImages.Encode(scene), TestImages.Encode(darker)));
    }

    [Fact]
    public void A_fingerprint_read_back_from_storage_still_matches_its_frame_and_not_another()
    {
        using var scene = TestImages.Scene();
        using var rotated = TestImages.Transformed(scene, 640, 480, canvas => canvas.RotateDegrees(6, 320, 240));
        var original = ImageFingerprint.Of(scene);
        var stored = ImageFingerprint.FromStored(original.ToBytes());

        Assert.Equal(0, stored.MeanDifference(original));
        Assert.True(_check.IsNearDuplicate(stored, original));
        Assert.False(_check.IsNearDuplicate(stored, ImageFingerprint.Of(rotated)));
    }
}
