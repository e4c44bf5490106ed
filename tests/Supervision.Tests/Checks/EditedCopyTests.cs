using System.Text.Json.Nodes;
using Supervision.TestFaces;
using Supervision.Tests.Infrastructure;
using static Supervision.TestFaces.PhotoEdits;

namespace Supervision.Tests.Checks;

/// <summary>
/// Presence means a new capture (SPEC rule 11): a learning platform that holds the registered photo, or an earlier
/// check photo, and sends it back edited through 1.5/1.6 is refused for that attempt and recorded as
/// face_photo_replayed naming the photo it copies; a learner whose every check is a new capture passes each one and
/// is never flagged. The class asks for a face check every minute of play, valid for one minute.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class EditedCopyTests(SupervisionCluster system, PhotoServer photos) : IClassFixture<PhotoServer>
{
    private static readonly object FaceEveryMinute = new { videoOnHook = 2, faceTimeLimit = 1, videoOnHookDetail = new { triggerType = 1, triggervValue = 1 } };

    public static TheoryData<string> AttackerEdits => [.. Edits.Keys];

    private static readonly Dictionary<string, Edit> Edits = new Edit[]
    {
        Chain(Rotate(2), Mirror(), Crop(0.08f), Blur(1), Shift(12), Jpeg(70)),
        Rotate(-10),
        Chain(CropCorner(0.15f), Scale(1.5f)),
        Chain(Brightness(1.3f), Contrast(0.8f), Jpeg(20)),
        Blur(2),
    }.ToDictionary(e => e.Name);

    [Theory]
    [MemberData(nameof(AttackerEdits))]
    public async Task The_registered_photo_edited_is_refused_and_recorded_as_a_copy_of_it(string edit)
    {
        var learner = await EnrolledAsync();
        await learner.PlayMinutesAsync(1);

        var copy = await learner.SubmitFaceAsync(await learner.GetFaceCheckAsync(), Apply(FacePhotos.Registered, Edits[edit]));
        var live = await learner.SubmitFaceAsync(await learner.GetFaceCheckAsync(), FacePhotos.LiveCapture(1));

        EnvelopeAssert.Code("0", copy);
        Assert.Equal(2, (int)copy["returnData"]!["result"]!);
        Assert.Equal(1, (int)live["returnData"]!["result"]!);
        var anomaly = Assert.Single(await AnomaliesAsync(learner));
        Assert.Equal("face_photo_replayed", (string?)anomaly["kind"]);
        Assert.Equal("registered_photo", (string?)anomaly["details"]!["face"]!["copies"]);
        Assert.Null(anomaly["details"]!["face"]!["replayOf"]);
    }

    [Fact]
    public async Task An_earlier_check_photo_edited_is_refused_naming_that_photo()
    {
        var learner = await EnrolledAsync();
        await learner.PlayMinutesAsync(1);
        EnvelopeAssert.Code("0", await learner.SubmitFaceAsync(await learner.GetFaceCheckAsync(), FacePhotos.LiveCapture(2)));
        var earlierPhotoId = (long)(await CheckAttemptsAsync(learner)).Single()["details"]!["face"]!["photoId"]!;
        await learner.PlayMinutesAsync(1, 60);

        var copy = await learner.SubmitFaceAsync(await learner.GetFaceCheckAsync(), Apply(FacePhotos.LiveCapture(2), Chain(Mirror(), Shift(8), Jpeg(80))));

        Assert.Equal(2, (int)copy["returnData"]!["result"]!);
        var anomaly = Assert.Single(await AnomaliesAsync(learner));
        Assert.Equal("face_photo_replayed", (string?)anomaly["kind"]);
        Assert.Equal("check_photo", (string?)anomaly["details"]!["face"]!["copies"]);
        Assert.Equal(earlierPhotoId, (long)anomaly["details"]!["face"]!["replayOf"]!);
    }

    [Fact]
    public async Task A_learner_whose_every_check_is_a_new_capture_passes_each_and_is_never_flagged()
    {
        var learner = await EnrolledAsync();

        for (var minute = 1; minute <= FacePhotos.LiveCaptureCount; minute++)
        {
            var answer = (await learner.PlayMinutesAsync(1, (minute - 1) * 60))[0];
            Assert.Equal(60, Learner.Credited(answer));
            var judged = await learner.SubmitFaceAsync(await learner.GetFaceCheckAsync(), FacePhotos.LiveCapture(minute));
            Assert.Equal(1, (int)judged["returnData"]!["result"]!);
        }

        Assert.Empty(await learner.AnomalyKindsAsync());
    }

    private async Task<Learner> EnrolledAsync()
    {
        var learner = await Learner.EnrolAsync(system, FaceEveryMinute, firstVideoSeconds: 3600);
        await learner.SetPhotoAsync(photos.Publish(FacePhotos.Registered));
        EnvelopeAssert.Code("0", await learner.StartAsync());
        return learner;
    }

    private static async Task<List<JsonNode>> AnomaliesAsync(Learner learner) =>
        [.. (await learner.OperatorViewAsync())["anomalies"]!.AsArray().Select(a => a!)];

    private async Task<List<JsonNode>> CheckAttemptsAsync(Learner learner) =>
        [.. (await system.AdminAsync(HttpMethod.Get, $"/admin/classes/{learner.ClassCode}/students/{learner.StudentUserCode}/checks"))["returnData"]!
            .AsArray().Where(e => (string?)e!["kind"] == "check_attempt").Select(e => e!)];
}
