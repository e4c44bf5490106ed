using SkiaSharp;
using Supervision.TestFaces;
using Xunit.Abstractions;

namespace Supervision.FaceComparison.Tests;

/// <summary>
/// Photos cropped so the face fills a 150×150 frame, as in a two-inch ID photo. Without the second look on a
/// widened canvas (<see cref="WidenedCanvas"/>) 9 of these tests failed: no face found in the crop.
/// </summary>
public sealed class TightCropTests(LocalFaceComparerFixture fixture, ITestOutputHelper output) : IClassFixture<LocalFaceComparerFixture>
{
    private const int CropSize = 150;

    // The tiny detector's box on each 512×512 portrait, measured once; the crops are framed relative to it.
    private static readonly SKRect HopperFace = new(143, 117, 374, 338);
    private static readonly SKRect AstronautFace = new(163, 76, 279, 186);

    private static (byte[] Photo, SKRect Face) Portrait(string person) => person switch
    {
        "Hopper" => (FacePhotos.Hopper, HopperFace),
        "Astronaut" => (FacePhotos.Astronaut, AstronautFace),
        _ => throw new ArgumentOutOfRangeException(nameof(person)),
    };

    /// <summary>
    /// A square of <paramref name="widthOfFace"/> times the face box's width around the face, moved down by
    /// <paramref name="down"/> of its height, scaled to 150×150: below 1 the frame cuts into forehead, ears and chin.
    /// </summary>
    private static byte[] TightCrop(string person, float widthOfFace, float down)
    {
        var (photo, face) = Portrait(person);
        var side = face.Width * widthOfFace;
        var centreX = face.MidX;
        var centreY = face.MidY + down * face.Height;
        const float source = 512f;
        var crop = new SKRect((centreX - side / 2) / source, (centreY - side / 2) / source, (centreX + side / 2) / source, (centreY + side / 2) / source);
        return FacePhotos.Variant(photo, scale: CropSize / side, crop: crop);
    }

    public static TheoryData<string, float, float> Crops()
    {
        var crops = new TheoryData<string, float, float>();
        foreach (var person in new[] { "Hopper", "Astronaut" })
        foreach (var widthOfFace in new[] { 0.8f, 0.85f, 0.9f, 0.95f })
        foreach (var down in new[] { -0.05f, 0f, 0.05f, 0.1f })
            crops.Add(person, widthOfFace, down);
        return crops;
    }

    private Task<FaceComparison> CompareAsync(byte[] reference, byte[] probe) =>
        fixture.Comparer.CompareAsync(reference, probe, CancellationToken.None);

    [Theory]
    [MemberData(nameof(Crops))]
    public async Task A_tight_crop_as_the_registered_photo_has_its_face_found_and_matches_the_full_portrait(string person, float widthOfFace, float down)
    {
        var result = await CompareAsync(TightCrop(person, widthOfFace, down), Portrait(person).Photo);
        output.WriteLine($"{person} {widthOfFace} {down}: {result.Decision} {result.Score:F3}");

        Assert.True(result.FaceInReference);
        Assert.True(result.FaceInProbe);
        Assert.Equal(FaceDecision.Same, result.Decision);
    }

    [Fact]
    public async Task A_tight_crop_as_the_check_photo_matches_another_tight_crop_of_the_same_person()
    {
        var result = await CompareAsync(TightCrop("Hopper", 0.85f, 0), TightCrop("Hopper", 0.95f, 0.05f));

        Assert.Equal(FaceDecision.Same, result.Decision);
    }

    [Fact]
    public async Task Tight_crops_of_two_people_are_different()
    {
        var result = await CompareAsync(TightCrop("Hopper", 0.85f, 0), TightCrop("Astronaut", 0.9f, 0.05f));
        output.WriteLine($"Hopper vs astronaut, tight: distance {result.Score:F4}");

        Assert.Equal(FaceDecision.Different, result.Decision);
    }

    [Fact]
    public async Task A_cat_cropped_tight_still_has_no_face_on_the_widened_canvas()
    {
        var cat = FacePhotos.Variant(FacePhotos.Cat, scale: CropSize / 240f, crop: new SKRect(0.2f, 0.05f, 0.73f, 0.85f));

        var asProbe = await CompareAsync(FacePhotos.Hopper, cat);
        var asReference = await CompareAsync(cat, FacePhotos.Hopper);

        Assert.Equal(FaceDecision.NoFaceInProbe, asProbe.Decision);
        Assert.Equal(FaceDecision.NoFaceInReference, asReference.Decision);
    }

    [Fact]
    public async Task A_landscape_at_150_pixels_still_has_no_face()
    {
        var result = await CompareAsync(FacePhotos.Hopper, TestImages.Landscape(CropSize, CropSize));

        Assert.Equal(FaceDecision.NoFaceInProbe, result.Decision);
        Assert.Null(result.Score);
    }
}
