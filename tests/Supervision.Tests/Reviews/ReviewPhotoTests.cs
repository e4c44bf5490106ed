using System.Net;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Supervision.TestFaces;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Reviews;

/// <summary>
/// The two photos of a review card. The registered photo is the one the check was compared against, whatever the
/// learning platform registers or serves afterwards; and no photo is served unless its bytes decode as the JPEG or PNG
/// its type says, with nosniff.
/// </summary>
public sealed class ReviewPhotoTests(ReviewSystem review, PhotoServer photos) : IClassFixture<ReviewSystem>, IClassFixture<PhotoServer>
{
    private static readonly object FaceEveryFiveMinutes = new { videoOnHook = 2, faceTimeLimit = 1, videoOnHookDetail = new { triggerType = 1, triggervValue = 5 } };

    private SupervisionCluster System => review.System;

    [Fact]
    public async Task A_reviewer_sees_the_registered_photo_the_check_was_compared_against_and_the_check_photo_as_sent()
    {
        var (learner, _) = await RegisteredAsync();
        var capture = FacePhotos.LiveCapture(1);
        var photoId = await PassAsync(learner, capture);

        var item = await ItemOfAsync(learner);
        var registered = await OperatorReads.PictureAsync(System, $"/admin/face-reviews/{photoId}/registered-photo");
        var checkPhoto = await OperatorReads.PictureAsync(System, $"/admin/check-photos/{photoId}");

        Assert.Equal(Convert.ToHexString(SHA256.HashData(FacePhotos.Registered)).ToLowerInvariant(), (string?)item["referenceDigest"]);
        Assert.Equal(FacePhotos.Registered, registered.Body);
        Assert.Equal(capture, checkPhoto.Body);
        Assert.All([registered, checkPhoto], picture =>
        {
            Assert.Equal(HttpStatusCode.OK, picture.Status);
            Assert.Equal("image/jpeg", picture.MediaType);
            Assert.Equal("nosniff", picture.TypeOptions);
            Assert.True(picture.NoStore);
        });
    }

    [Fact]
    public async Task The_check_photo_registered_through_1_11_after_the_check_does_not_replace_the_photo_on_the_card()
    {
        var (learner, _) = await RegisteredAsync();
        var capture = FacePhotos.LiveCapture(2);
        var photoId = await PassAsync(learner, capture);

        // The platform makes the check photo the registered one, so that the card would show two identical faces.
        await learner.SetPhotoAsync(photos.Publish(capture));
        var registered = await OperatorReads.PictureAsync(System, $"/admin/face-reviews/{photoId}/registered-photo");

        Assert.Equal(HttpStatusCode.OK, registered.Status);
        Assert.Equal(FacePhotos.Registered, registered.Body);
    }

    [Fact]
    public async Task Other_bytes_behind_the_same_photo_url_after_the_check_do_not_reach_the_card()
    {
        var (learner, url) = await RegisteredAsync();
        var photoId = await PassAsync(learner, FacePhotos.LiveCapture(3));

        photos.Replace(url, FacePhotos.Astronaut);
        var registered = await OperatorReads.PictureAsync(System, $"/admin/face-reviews/{photoId}/registered-photo");

        Assert.Equal(FacePhotos.Registered, registered.Body);
    }

    [Fact]
    public async Task Kept_registered_photo_bytes_altered_in_the_store_are_not_served_as_the_photo_compared()
    {
        // A registered photo of its own (re-encoded), so that the altered bytes are no other test's kept photo.
        var (learner, _) = await RegisteredAsync(FacePhotos.Variant(FacePhotos.Registered, quality: 80));
        var photoId = await PassAsync(learner, FacePhotos.LiveCapture(7));
        await ExecuteAsync(
            "UPDATE reference_photos SET image = @image WHERE digest = (SELECT reference_digest FROM check_photos WHERE id = @id)", photoId, FacePhotos.Astronaut);

        var registered = await OperatorReads.PictureAsync(System, $"/admin/face-reviews/{photoId}/registered-photo");

        Assert.Equal(HttpStatusCode.NotFound, registered.Status);
        EnvelopeAssert.Code("1308", registered.Envelope);
    }

    [Fact]
    public async Task A_check_photo_stored_before_references_were_kept_shows_the_photo_registered_at_the_check_and_says_so()
    {
        var (learner, _) = await RegisteredAsync();
        var photoId = await PassAsync(learner, FacePhotos.LiveCapture(4));
        await ForgetReferenceAsync(photoId);
        System.Clock.Advance(TimeSpan.FromMinutes(1));
        await learner.SetPhotoAsync(photos.Publish(FacePhotos.Astronaut));

        var item = await ItemOfAsync(learner);
        var registered = await OperatorReads.PictureAsync(System, $"/admin/face-reviews/{photoId}/registered-photo");

        Assert.Null((string?)item["referenceDigest"]);
        Assert.Equal(FacePhotos.Registered, registered.Body);
        Assert.Equal("image/jpeg", registered.MediaType);
    }

    [Fact]
    public async Task A_stored_check_photo_that_is_not_an_image_or_is_not_what_it_starts_like_is_never_served_as_one()
    {
        var (learner, _) = await RegisteredAsync();
        var photoId = await PassAsync(learner, FacePhotos.LiveCapture(5));
        byte[] markup = Encoding.UTF8.GetBytes("<html><script>alert(document.cookie)</script></html>");
        byte[] jpegLookalike = [0xFF, 0xD8, 0xFF, 0xE0, .. markup];
        var gif = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

        foreach (var blob in new[] { markup, jpegLookalike, gif })
        {
            await OverwriteImageAsync(photoId, blob);
            var served = await OperatorReads.PictureAsync(System, $"/admin/check-photos/{photoId}");

            Assert.Equal(HttpStatusCode.NotFound, served.Status);
            Assert.Equal("application/json", served.MediaType);
            Assert.Equal("nosniff", served.TypeOptions);
            EnvelopeAssert.Code("1208", served.Envelope);
        }

        var png = FacePhotos.Variant(FacePhotos.Hopper, format: SkiaSharp.SKEncodedImageFormat.Png);
        await OverwriteImageAsync(photoId, png);
        var relabelled = await OperatorReads.PictureAsync(System, $"/admin/check-photos/{photoId}");
        Assert.Equal("image/png", relabelled.MediaType);
        Assert.Equal(png, relabelled.Body);
    }

    [Fact]
    public async Task A_registered_photo_url_that_now_serves_markup_labelled_as_a_picture_is_not_served_for_an_old_check()
    {
        var (learner, url) = await RegisteredAsync();
        var photoId = await PassAsync(learner, FacePhotos.LiveCapture(6));
        await ForgetReferenceAsync(photoId);
        photos.Replace(url, Encoding.UTF8.GetBytes("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"));

        var registered = await OperatorReads.PictureAsync(System, $"/admin/face-reviews/{photoId}/registered-photo");

        Assert.Equal(HttpStatusCode.NotFound, registered.Status);
        Assert.Equal("application/json", registered.MediaType);
        EnvelopeAssert.Code("1308", registered.Envelope);
        EnvelopeAssert.Names("ercunPhotos", registered.Envelope);
    }

    private async Task<(Learner Learner, string PhotoUrl)> RegisteredAsync(byte[]? registered = null)
    {
        var learner = await Learner.EnrolAsync(System, FaceEveryFiveMinutes, firstVideoSeconds: 3600);
        var url = photos.Publish(registered ?? FacePhotos.Registered);
        await learner.SetPhotoAsync(url);
        EnvelopeAssert.Code("0", await learner.StartAsync());
        await learner.PlayMinutesAsync(5);
        return (learner, url);
    }

    /// <summary>A live capture that passes; answers the id of its stored photo, as its check_attempt evidence names it.</summary>
    private async Task<long> PassAsync(Learner learner, byte[] photo)
    {
        var bizCode = await learner.GetFaceCheckAsync();
        var judged = await learner.SubmitFaceAsync(bizCode, photo);
        Assert.Equal(1, (int)judged["returnData"]!["result"]!);
        var checks = await System.AdminAsync(HttpMethod.Get, $"/admin/classes/{learner.ClassCode}/students/{learner.StudentUserCode}/checks");
        return (long)checks["returnData"]!.AsArray().Single(c => (string?)c!["kind"] == "check_attempt" && (string?)c["details"]!["bizCode"] == bizCode)!["details"]!["face"]!["photoId"]!;
    }

    private async Task<System.Text.Json.Nodes.JsonNode> ItemOfAsync(Learner learner) =>
        (await OperatorReads.ItemsAsync(System, $"classCode={learner.ClassCode}")).Single();

    /// <summary>Makes a row look as rows stored before the compared photo was kept with them.</summary>
    private Task ForgetReferenceAsync(long photoId) =>
        ExecuteAsync("UPDATE check_photos SET reference_url = NULL, reference_digest = NULL WHERE id = @id", photoId);

    private Task OverwriteImageAsync(long photoId, byte[] bytes) =>
        ExecuteAsync("UPDATE check_photos SET image = @image WHERE id = @id", photoId, bytes);

    private async Task ExecuteAsync(string sql, long photoId, byte[]? image = null)
    {
        await using var connection = new NpgsqlConnection(System.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", photoId);
        if (image is not null)
            command.Parameters.AddWithValue("image", image);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
