using Supervision.TestFaces;
using static Supervision.TestFaces.PhotoEdits;

namespace Supervision.FaceComparison.Tests;

/// <summary>
/// The edited-copy check as the attacker meets it: the registered photo (or an earlier check photo) edited with
/// SkiaSharp, each kind alone and combined, against real new captures of the same person (webcam frames of other
/// moments, tests/Faces). The bounds are the defaults of <see cref="FaceComparisonOptions"/>.
/// </summary>
public sealed class EditedCopyCheckTests(FacePrinterFixture fixture) : IClassFixture<FacePrinterFixture>
{
    private static readonly FaceComparisonOptions Defaults = new();
    private readonly EditedCopyCheck _check = new(Defaults.CopyMinLikeness, Defaults.EarlierCopyMinLikeness);

    public static TheoryData<string> EditKinds => [.. Edits.Keys];

    private static readonly Dictionary<string, Edit> Edits = new Edit[]
    {
        Rotate(2), Rotate(-10), Mirror(), Crop(0.08f), Crop(0.15f), CropCorner(0.15f), Scale(0.5f), Scale(1.5f),
        Shift(12), Shift(-20), Blur(2), Brightness(0.6f), Brightness(1.4f), Contrast(0.7f), Contrast(1.3f), Jpeg(20), Jpeg(95),
        Chain(Rotate(2), Mirror(), Crop(0.08f), Blur(1), Shift(12), Jpeg(70)),
        Chain(Rotate(-7), Scale(0.8f), Brightness(1.2f), Contrast(0.8f), Jpeg(40)),
        Chain(Mirror(), CropCorner(0.1f), Blur(1.5f), Brightness(0.8f), Jpeg(30)),
    }.ToDictionary(e => e.Name);

    [Theory]
    [MemberData(nameof(EditKinds))]
    public void The_registered_photo_edited_is_a_copy_of_it(string edit)
    {
        foreach (var registered in new[] { FacePhotos.Registered, FacePhotos.Hopper, FacePhotos.Astronaut })
        {
            var likeness = fixture.Print(registered).Likeness(fixture.Print(Apply(registered, Edits[edit])));
            Assert.True(_check.IsCopyOfRegistered(likeness), $"{edit}: likeness {likeness:0.0000}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void An_earlier_capture_gently_edited_is_a_copy_of_it(int capture)
    {
        var earlier = FacePhotos.LiveCapture(capture);
        foreach (var edit in new[] { Rotate(3), Mirror(), Crop(0.1f), Shift(12), Scale(0.75f), Brightness(1.2f), Jpeg(60), Chain(Mirror(), Shift(8), Jpeg(80)) })
        {
            var likeness = fixture.Print(earlier).Likeness(fixture.Print(Apply(earlier, edit)));
            Assert.True(_check.IsCopyOfEarlier(likeness), $"{edit.Name}: likeness {likeness:0.0000}");
        }
    }

    [Fact]
    public void Real_new_captures_are_not_copies_of_the_registered_photo_nor_of_each_other()
    {
        var registered = fixture.Print(FacePhotos.Registered);
        var captures = Enumerable.Range(1, FacePhotos.LiveCaptureCount).Select(n => fixture.Print(FacePhotos.LiveCapture(n))).ToList();

        Assert.All(captures, c => Assert.False(_check.IsCopyOfRegistered(registered.Likeness(c)), $"likeness {registered.Likeness(c):0.0000}"));
        for (var i = 0; i < captures.Count; i++)
        {
            for (var j = i + 1; j < captures.Count; j++)
                Assert.False(_check.IsCopyOfEarlier(captures[i].Likeness(captures[j])), $"captures {i + 1} and {j + 1}: likeness {captures[i].Likeness(captures[j]):0.0000}");
        }
    }

    [Fact]
    public void Different_people_are_far_from_a_copy()
    {
        var likeness = fixture.Print(FacePhotos.Hopper).Likeness(fixture.Print(FacePhotos.Astronaut));

        Assert.InRange(likeness, -1, 0.9);
    }

    [Fact]
    public void A_print_read_back_from_storage_is_the_same_print()
    {
        var print = fixture.Print(FacePhotos.Registered);
        var stored = FacePrint.FromStored(print.ToBytes());

        Assert.Equal(1, stored.Likeness(print), 6);
        Assert.Equal(FacePrint.Side * FacePrint.Side, print.ToBytes().Length);
        Assert.Throws<ArgumentException>(() => FacePrint.FromStored(new byte[10]));
    }

    [Fact]
    public async Task A_photo_without_a_face_has_no_print()
    {
        Assert.Null(await fixture.Printer.PrintAsync(FacePhotos.Cat, CancellationToken.None));
    }
}
