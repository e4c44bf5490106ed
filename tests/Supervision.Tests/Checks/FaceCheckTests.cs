using System.Net;
using Supervision.TestFaces;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Checks;

/// <summary>
/// Face checks end to end: the real HTTP front, the local comparer on the committed models, photos served by a
/// real HTTP server, public-domain faces (tests/Faces). The class asks for a face check every minute of play,
/// valid for one minute.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FaceCheckTests(SupervisionCluster system, PhotoServer photos) : IClassFixture<PhotoServer>
{
    private static readonly object FaceEveryMinute = new { videoOnHook = 2, faceTimeLimit = 1, videoOnHookDetail = new { triggerType = 1, triggervValue = 1 } };

    [Fact]
    public async Task A_learner_who_passes_a_face_check_each_minute_is_credited_continuously()
    {
        var learner = await RegisteredLearnerAsync();

        for (var minute = 1; minute <= 4; minute++)
        {
            var answer = (await learner.PlayMinutesAsync(1, (minute - 1) * 60))[0];
            Assert.Equal(60, Learner.Credited(answer));
            Assert.Equal("face", (string?)answer["returnData"]!["checkDue"]!["kind"]);
            var judged = await learner.SubmitFaceAsync(await learner.GetFaceCheckAsync(), FacePhotos.LiveCapture(minute));
            EnvelopeAssert.Code("0", judged);
            Assert.Equal(1, (int)judged["returnData"]!["result"]!);
        }

        Assert.Empty(await learner.AnomalyKindsAsync());
    }

    [Fact]
    public async Task A_photo_of_someone_else_fails_and_earns_nothing_once_the_check_is_overdue()
    {
        var learner = await RegisteredLearnerAsync();
        await learner.PlayMinutesAsync(1);

        var judged = await learner.SubmitFaceAsync(await learner.GetFaceCheckAsync(), FacePhotos.Astronaut);
        var overdue = (await learner.PlayMinutesAsync(2, 60))[1];

        EnvelopeAssert.Code("0", judged);
        Assert.Equal(2, (int)judged["returnData"]!["result"]!);
        EnvelopeAssert.Code("1306", overdue);
        Assert.Equal(["check_overdue", "face_mismatch"], (await learner.AnomalyKindsAsync()).Order().ToList());
    }

    [Fact]
    public async Task A_replayed_capture_or_the_registered_photo_itself_does_not_pass()
    {
        var learner = await RegisteredLearnerAsync();
        var live = FacePhotos.LiveCapture(1);
        EnvelopeAssert.Code("0", await learner.SubmitFaceAsync(await learner.GetFaceCheckAsync(), live));

        var replayed = await learner.SubmitFaceAsync(await learner.GetFaceCheckAsync(), FacePhotos.Variant(live, scale: 0.8f));
        var registered = await learner.SubmitFaceAsync(await learner.GetFaceCheckAsync(), FacePhotos.Registered);

        Assert.Equal(2, (int)replayed["returnData"]!["result"]!);
        Assert.Equal(2, (int)registered["returnData"]!["result"]!);
        Assert.Equal(["face_photo_replayed", "face_photo_replayed"], await learner.AnomalyKindsAsync());
    }

    [Fact]
    public async Task Three_failed_photos_spend_the_bizCode()
    {
        var learner = await RegisteredLearnerAsync();
        var bizCode = await learner.GetFaceCheckAsync();

        var noFace = await learner.SubmitFaceAsync(bizCode, FacePhotos.Cat);
        var someoneElse = await learner.SubmitFaceAsync(bizCode, FacePhotos.Astronaut);
        var third = await learner.SubmitFaceAsync(bizCode, FacePhotos.Variant(FacePhotos.Astronaut, rotateDegrees: 5));
        var afterSpent = await learner.SubmitFaceAsync(bizCode, FacePhotos.LiveCapture(1));

        Assert.All(new[] { noFace, someoneElse, third }, a => Assert.Equal(2, (int)a["returnData"]!["result"]!));
        Assert.Contains("no face", (string)noFace["returnData"]!["msg"]!);
        EnvelopeAssert.Code("1403", afterSpent);
    }

    [Fact]
    public async Task A_photo_by_url_or_as_a_data_url_passes_and_the_registered_photo_is_fetched_once_per_silo()
    {
        var reference = photos.Publish(FacePhotos.Registered);
        var learner = await RegisteredLearnerAsync(reference);

        var byUrl = await learner.SubmitFaceAsync(await learner.GetFaceCheckAsync(), null, target: photos.Publish(FacePhotos.LiveCapture(1)), compareMode: 1);
        var mixedUrl = await learner.SubmitFaceAsync(await learner.GetFaceCheckAsync(), null, target: photos.Publish(FacePhotos.LiveCapture(2)), compareMode: 2);
        var dataUrl = await learner.SubmitFaceAsync(await learner.GetFaceCheckAsync(), null, target: "data:image/jpeg;base64," + Convert.ToBase64String(FacePhotos.LiveCapture(3)), compareMode: 2);

        Assert.All(new[] { byUrl, mixedUrl, dataUrl }, a => Assert.Equal(1, (int)a["returnData"]!["result"]!));
        Assert.InRange(photos.RequestsFor(reference), 1, system.Silos);
    }

    [Fact]
    public async Task The_operator_alone_sees_the_stored_photo_named_by_the_check_evidence()
    {
        var learner = await RegisteredLearnerAsync();
        var live = FacePhotos.LiveCapture(1);
        EnvelopeAssert.Code("0", await learner.SubmitFaceAsync(await learner.GetFaceCheckAsync(), live));

        var checks = await system.AdminAsync(HttpMethod.Get, $"/admin/classes/{learner.ClassCode}/students/{learner.StudentUserCode}/checks");
        var attempt = checks["returnData"]!.AsArray().Single(e => (string?)e!["kind"] == "check_attempt")!;
        var face = attempt["details"]!["face"]!;
        var photoId = (long)face["photoId"]!;
        using var withKey = new HttpRequestMessage(HttpMethod.Get, $"/admin/check-photos/{photoId}");
        await system.AuthorizeAsync(withKey);
        using var stored = await system.Http.SendAsync(withKey);
        using var withoutKey = await system.Http.GetAsync($"/admin/check-photos/{photoId}");

        Assert.Equal("same", (string?)face["decision"]);
        Assert.InRange((double)face["score"]!, 0, 0.6);
        Assert.Equal(live, await stored.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/jpeg", stored.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
    }

    private async Task<Learner> RegisteredLearnerAsync(string? photoUrl = null)
    {
        var learner = await Learner.EnrolAsync(system, FaceEveryMinute, firstVideoSeconds: 3600);
        await learner.SetPhotoAsync(photoUrl ?? photos.Publish(FacePhotos.Registered));
        EnvelopeAssert.Code("0", await learner.StartAsync());
        return learner;
    }
}
