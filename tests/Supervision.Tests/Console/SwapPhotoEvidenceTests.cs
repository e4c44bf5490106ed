using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Supervision.Contracts.Evidence;
using Supervision.Contracts.Evidence.Details;
using Supervision.FaceComparison;
using Supervision.TestFaces;
using Supervision.Tests.Infrastructure;
using Supervision.Tests.Reviews;

namespace Supervision.Tests.Console;

/// <summary>
/// A swapped photo's evidence is the two photos' bytes as kept when the swap was recorded (digests in the anomaly, bytes
/// in reference_photos, one commit): what the platform's addresses serve later changes nothing the console shows, and a
/// photo the swap could not keep is said to be not kept, never fetched later in its place.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SwapPhotoEvidenceTests(SupervisionCluster system, PhotoServer photos) : IClassFixture<PhotoServer>
{
    [Fact]
    public async Task The_console_shows_the_photos_kept_at_the_swap_after_the_platform_changed_one_and_deleted_the_other()
    {
        var (swapper, before) = await StudyingAsync();
        var after = photos.Publish(FacePhotos.Astronaut);
        await swapper.SetPhotoAsync(after);

        photos.Replace(before, FacePhotos.Cat);
        photos.Withdraw(after);

        var swap = await SwapOfAsync(swapper);
        Assert.Equal(Sha256(FacePhotos.Hopper), (string?)swap["details"]!["previousPhoto"]!["sha256"]);
        Assert.Equal(Sha256(FacePhotos.Astronaut), (string?)swap["details"]!["currentPhoto"]!["sha256"]);
        foreach (var (side, original) in new[] { ("before", FacePhotos.Hopper), ("after", FacePhotos.Astronaut) })
        {
            var shown = await OperatorReads.PictureAsync(system, $"/admin/anomalies/{(long)swap["id"]!}/photos/{side}");
            Assert.Equal(HttpStatusCode.OK, shown.Status);
            Assert.Equal(original, shown.Body);
            Assert.Equal(ImageMediaType.Of(original), shown.MediaType);
            Assert.Equal("nosniff", shown.TypeOptions);
            Assert.True(shown.NoStore);
        }

        // Fetched once each, when the swap was recorded; the operator's views fetched nothing.
        Assert.Equal(1, photos.RequestsFor(before));
        Assert.Equal(1, photos.RequestsFor(after));
    }

    [Fact]
    public async Task The_honest_person_who_set_a_photo_before_studying_has_no_swap_and_nothing_is_fetched_for_one()
    {
        var (honest, registered) = await StudyingAsync();
        await honest.PlayMinutesAsync(2);
        await honest.SetPhotoAsync(registered);

        var day = (await system.AdminAsync(HttpMethod.Get, $"/admin/classes/{honest.ClassCode}/students/{honest.StudentUserCode}"))["returnData"]!;
        Assert.DoesNotContain(day["anomalies"]!.AsArray(), a => (string?)a!["kind"] == AnomalyKind.PhotoChangedAfterStudy);
        Assert.Equal(0, photos.RequestsFor(registered));
    }

    [Fact]
    public async Task A_non_image_or_an_unreachable_photo_at_the_swap_is_recorded_as_not_kept_and_never_fetched_later()
    {
        var (swapper, before) = await StudyingAsync();
        photos.Withdraw(before);
        var after = photos.Publish(Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"));
        await swapper.SetPhotoAsync(after);

        // The platform serves real photos at both addresses afterwards: the evidence stays what the swap saw.
        photos.Replace(before, FacePhotos.Hopper);
        photos.Replace(after, FacePhotos.Astronaut);
        var swap = await SwapOfAsync(swapper);
        Assert.Equal(SwapPhoto.NotFetched, (string?)swap["details"]!["previousPhoto"]!["notKept"]);
        Assert.Equal(SwapPhoto.NotAnImage, (string?)swap["details"]!["currentPhoto"]!["notKept"]);
        Assert.Null(swap["details"]!["currentPhoto"]!["sha256"]);
        foreach (var (side, words) in new[] { ("before", "ercunPhotos: the photo registered before the swap: not kept at the swap"), ("after", "ercunPhotos: the photo swapped in: not kept at the swap") })
        {
            var shown = await OperatorReads.PictureAsync(system, $"/admin/anomalies/{(long)swap["id"]!}/photos/{side}");
            Assert.Equal(HttpStatusCode.NotFound, shown.Status);
            EnvelopeAssert.Code("1308", shown.Envelope);
            Assert.StartsWith(words, (string?)shown.Envelope["returnMsg"]);
        }

        Assert.Equal(2, photos.RequestsFor(before) + photos.RequestsFor(after));
    }

    [Fact]
    public async Task A_swap_recorded_before_swaps_kept_their_photos_says_they_were_not_kept_at_the_time()
    {
        var (swapper, _) = await StudyingAsync();
        var after = photos.Publish(FacePhotos.Astronaut);
        await swapper.SetPhotoAsync(after);
        var id = (long)(await SwapOfAsync(swapper))["id"]!;
        await Ledger.ExecuteAsync(system, "UPDATE anomalies SET details = details - 'previousPhoto' - 'currentPhoto' WHERE id = @id", ("id", id));

        var shown = await OperatorReads.PictureAsync(system, $"/admin/anomalies/{id}/photos/after");

        Assert.Equal(HttpStatusCode.NotFound, shown.Status);
        Assert.Equal("ercunPhotos: the photo swapped in: not kept at the time (the swap was recorded before swaps kept their photos)", (string?)shown.Envelope["returnMsg"]);
        Assert.Equal(1, photos.RequestsFor(after));
    }

    /// <summary>A learner whose photo was registered before studying began (no swap yet), and that photo's address.</summary>
    private async Task<(Learner Learner, string Registered)> StudyingAsync()
    {
        var learner = await Learner.EnrolAsync(system);
        var registered = photos.Publish(FacePhotos.Hopper);
        await learner.SetPhotoAsync(registered);
        EnvelopeAssert.Code("0", await learner.StartAsync());
        return (learner, registered);
    }

    private async Task<JsonNode> SwapOfAsync(Learner learner)
    {
        var day = (await system.AdminAsync(HttpMethod.Get, $"/admin/classes/{learner.ClassCode}/students/{learner.StudentUserCode}"))["returnData"]!;
        return day["anomalies"]!.AsArray().Single(a => (string?)a!["kind"] == AnomalyKind.PhotoChangedAfterStudy)!;
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
