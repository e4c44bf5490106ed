using SkiaSharp;
using Supervision.TestFaces;
using Xunit.Abstractions;

namespace Supervision.FaceComparison.Tests;

public sealed class LocalFaceComparerTests(LocalFaceComparerFixture fixture, ITestOutputHelper output) : IClassFixture<LocalFaceComparerFixture>
{
    // Same-person retakes of one photo must land far below the 0.6 threshold, not just under it,
    // so an ordinary change of light or pose in a real retake still passes.
    private const double WellUnderThreshold = 0.4;

    private Task<FaceComparison> CompareAsync(byte[] reference, byte[] probe) =>
        fixture.Comparer.CompareAsync(reference, probe, CancellationToken.None);

    public static TheoryData<string> SamePersonVariants => ["smaller", "larger", "rotated left", "rotated right", "darkened", "grey", "cropped", "tightly cropped", "recompressed"];

    private static byte[] Variant(string name) => name switch
    {
        "smaller" => FacePhotos.Variant(FacePhotos.Hopper, scale: 0.5f),
        "larger" => FacePhotos.Variant(FacePhotos.Hopper, scale: 1.8f),
        "rotated left" => FacePhotos.Variant(FacePhotos.Hopper, rotateDegrees: -10),
        "rotated right" => FacePhotos.Variant(FacePhotos.Hopper, rotateDegrees: 10),
        "darkened" => FacePhotos.Variant(FacePhotos.Hopper, brightness: 0.55f),
        "grey" => FacePhotos.Variant(FacePhotos.Hopper, grey: true),
        "cropped" => FacePhotos.Variant(FacePhotos.Hopper, crop: new SKRect(0.12f, 0.05f, 0.88f, 0.8f)),
        "tightly cropped" => FacePhotos.Variant(FacePhotos.Hopper, crop: new SKRect(0.25f, 0.2f, 0.75f, 0.7f)),
        "recompressed" => FacePhotos.Variant(FacePhotos.Hopper, scale: 0.8f, format: SKEncodedImageFormat.Jpeg, quality: 30),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(SamePersonVariants))]
    public async Task A_retake_of_the_same_person_is_the_same_well_under_the_threshold(string variant)
    {
        var result = await CompareAsync(FacePhotos.Hopper, Variant(variant));
        output.WriteLine($"{variant}: distance {result.Score:F4}");

        Assert.Equal(FaceDecision.Same, result.Decision);
        Assert.True(result.FaceInReference);
        Assert.True(result.FaceInProbe);
        Assert.InRange(result.Score!.Value, 0, WellUnderThreshold);
        Assert.Equal(0.6, result.Threshold);
    }

    [Fact]
    public async Task The_identical_photo_has_distance_zero()
    {
        var result = await CompareAsync(FacePhotos.Hopper, FacePhotos.Hopper);
        Assert.Equal(FaceDecision.Same, result.Decision);
        Assert.InRange(result.Score!.Value, 0, 1e-6);
    }

    [Fact]
    public async Task Two_different_people_are_different()
    {
        var result = await CompareAsync(FacePhotos.Hopper, FacePhotos.Astronaut);
        output.WriteLine($"Hopper vs astronaut: distance {result.Score:F4}");

        Assert.Equal(FaceDecision.Different, result.Decision);
        Assert.True(result.FaceInReference);
        Assert.True(result.FaceInProbe);
        Assert.True(result.Score > 0.6, $"distance {result.Score}");
    }

    [Fact]
    public async Task A_different_person_stays_different_after_the_same_edits()
    {
        var result = await CompareAsync(FacePhotos.Hopper, FacePhotos.Variant(FacePhotos.Astronaut, scale: 0.7f, rotateDegrees: 5, grey: true));
        Assert.Equal(FaceDecision.Different, result.Decision);
    }

    [Fact]
    public async Task A_cat_as_probe_is_no_face_in_the_probe()
    {
        var result = await CompareAsync(FacePhotos.Hopper, FacePhotos.Cat);

        Assert.Equal(FaceDecision.NoFaceInProbe, result.Decision);
        Assert.True(result.FaceInReference);
        Assert.False(result.FaceInProbe);
        Assert.Null(result.Score);
    }

    [Fact]
    public async Task A_reference_without_a_face_is_no_face_in_the_reference()
    {
        var result = await CompareAsync(TestImages.Landscape(), FacePhotos.Hopper);

        Assert.Equal(FaceDecision.NoFaceInReference, result.Decision);
        Assert.False(result.FaceInReference);
        Assert.True(result.FaceInProbe);
        Assert.Null(result.Score);
    }

    [Fact]
    public async Task A_cat_as_reference_is_no_face_in_the_reference()
    {
        var result = await CompareAsync(FacePhotos.Cat, FacePhotos.Hopper);
        Assert.Equal(FaceDecision.NoFaceInReference, result.Decision);
    }

    [Fact]
    public async Task Garbage_bytes_are_refused_with_a_typed_reason()
    {
        var failure = await Assert.ThrowsAsync<ImageRejectedException>(() => CompareAsync(FacePhotos.Hopper, [1, 2, 3, 4]));
        Assert.Equal(ImageRejectionReason.NotAnImage, failure.Reason);
    }

    [Fact]
    public async Task An_oversized_reference_is_refused_before_any_model_runs()
    {
        var failure = await Assert.ThrowsAsync<ImageRejectedException>(() => CompareAsync(TestImages.Png(1921, 100), FacePhotos.Hopper));
        Assert.Equal(ImageRejectionReason.TooLarge, failure.Reason);
    }

    [Fact]
    public async Task The_threshold_is_configurable_and_recorded()
    {
        using var strict = new LocalFaceComparer(new FaceComparisonOptions { LocalMaxDistance = 0.01 });

        var result = await strict.CompareAsync(FacePhotos.Hopper, Variant("darkened"), CancellationToken.None);

        Assert.Equal(FaceDecision.Different, result.Decision);
        Assert.Equal(0.01, result.Threshold);
    }

    [Fact]
    public async Task Concurrent_comparisons_give_the_same_distances_as_one_at_a_time()
    {
        var probes = new[] { Variant("grey"), Variant("rotated left"), FacePhotos.Astronaut, Variant("smaller") };
        var sequential = new List<double?>();
        foreach (var probe in probes)
            sequential.Add((await CompareAsync(FacePhotos.Hopper, probe)).Score);

        var concurrent = await Task.WhenAll(probes.Select(probe => Task.Run(() => CompareAsync(FacePhotos.Hopper, probe))));

        Assert.Equal(sequential, concurrent.Select(result => result.Score));
    }
}
