using SkiaSharp;
using Supervision.Contracts;
using Supervision.Grains.Fetching;
using Supervision.TestFaces;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Checks;

/// <summary>1.6 submissions that cannot be judged: each answers a code naming the field or rule, and spends no attempt.</summary>
[Collection(ClusterCollection.Name)]
public sealed class FaceCheckRefusalTests(SupervisionCluster system, PhotoServer photos) : IClassFixture<PhotoServer>
{
    private static readonly object FaceEveryMinute = new { videoOnHook = 2, faceTimeLimit = 1, videoOnHookDetail = new { triggerType = 1, triggervValue = 1 } };

    [Fact]
    public async Task A_target_that_is_not_an_image_names_the_field_and_spends_no_attempt()
    {
        var learner = await StartedLearnerAsync();
        var bizCode = await learner.GetFaceCheckAsync();

        var answers = new List<System.Text.Json.Nodes.JsonObject>();
        for (var i = 0; i < 4; i++)
            answers.Add(await learner.SubmitFaceAsync(bizCode, "not an image"u8.ToArray()));
        var notBase64 = await learner.SubmitFaceAsync(bizCode, null, target: "%%%");

        Assert.All(answers.Append(notBase64), a => EnvelopeAssert.Names("target", a));
        Assert.All(answers.Append(notBase64), a => EnvelopeAssert.Code("1003", a));
    }

    [Fact]
    public async Task The_compare_mode_must_match_the_target()
    {
        var learner = await StartedLearnerAsync();
        var bizCode = await learner.GetFaceCheckAsync();

        var urlAsBase64 = await learner.SubmitFaceAsync(bizCode, null, target: "https://photos.example.test/a.jpg", compareMode: 0);
        var base64AsUrl = await learner.SubmitFaceAsync(bizCode, Gradient(), compareMode: 1);
        var unknownMode = await learner.SubmitFaceAsync(bizCode, Gradient(), compareMode: 3);

        EnvelopeAssert.Names("target", urlAsBase64);
        EnvelopeAssert.Names("target", base64AsUrl);
        EnvelopeAssert.Names("compareMode", unknownMode);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/photo.jpg")]
    [InlineData("http://10.0.0.1/photo.jpg")]
    [InlineData("http://192.168.1.1/photo.jpg")]
    public async Task A_photo_url_on_an_internal_address_is_not_fetched(string url)
    {
        var learner = await StartedLearnerAsync();
        var bizCode = await learner.GetFaceCheckAsync();

        var answer = await learner.SubmitFaceAsync(bizCode, null, target: url, compareMode: 1);

        EnvelopeAssert.Code("1003", answer);
        Assert.Equal($"target: {PhotoDownloader.NotAllowed}", (string)answer["returnMsg"]!);
    }

    [Fact]
    public async Task A_photo_url_that_cannot_be_reached_is_answered_without_the_socket_message()
    {
        var learner = await StartedLearnerAsync();
        var bizCode = await learner.GetFaceCheckAsync();
        var closedPort = FreePort.Next();

        var answer = await learner.SubmitFaceAsync(bizCode, null, target: $"http://127.0.0.1:{closedPort}/photo.jpg?sign=query-secret", compareMode: 1);

        EnvelopeAssert.Code("1003", answer);
        Assert.Equal($"target: {PhotoDownloader.Unreachable}", (string)answer["returnMsg"]!);
        Assert.Contains(system.Logs.Lines, line => line.Contains("Photo fetch from 127.0.0.1 failed") && line.Contains("ConnectionRefused"));
        Assert.DoesNotContain(system.Logs.Lines, line => line.Contains("query-secret"));
    }

    [Fact]
    public async Task A_photo_host_slower_than_the_fetch_allows_is_answered_with_the_fetch_failure_not_5001()
    {
        var learner = await StartedLearnerAsync();
        var bizCode = await learner.GetFaceCheckAsync();
        var slow = photos.Publish(FacePhotos.LiveCapture(4));
        photos.Delay(slow, TimeSpan.FromSeconds(PhotoFetchCallTimeout.FetchSeconds + 5));

        var answer = await learner.SubmitFaceAsync(bizCode, null, target: slow, compareMode: 1);

        EnvelopeAssert.Code("1003", answer);
        Assert.Equal($"target: no complete answer within {PhotoFetchCallTimeout.FetchSeconds} s", (string)answer["returnMsg"]!);
    }

    [Fact]
    public async Task Without_a_usable_registered_photo_the_check_cannot_be_judged()
    {
        var withoutPhoto = await StartedLearnerAsync(photoUrl: null);
        var withVanishedPhoto = await StartedLearnerAsync(photoUrl: photos.Publish(Gradient()).Replace("/photos/", "/photos/missing-"));

        var none = await withoutPhoto.SubmitFaceAsync(await withoutPhoto.GetFaceCheckAsync(), Gradient());
        var vanished = await withVanishedPhoto.SubmitFaceAsync(await withVanishedPhoto.GetFaceCheckAsync(), Gradient());

        EnvelopeAssert.Code("1308", none);
        EnvelopeAssert.Names("ercunPhotos", none);
        EnvelopeAssert.Code("1308", vanished);
        Assert.Contains("HTTP 404", (string)vanished["returnMsg"]!);
    }

    [Fact]
    public async Task A_bizCode_submitted_for_another_video_is_foreign_and_an_anomaly()
    {
        var learner = await StartedLearnerAsync();
        var bizCode = await learner.GetFaceCheckAsync();

        var answer = await learner.SubmitFaceAsync(bizCode, Gradient(), resCode: learner.SecondVideo);
        var unknown = await learner.SubmitFaceAsync("no-such-bizcode", Gradient());

        EnvelopeAssert.Code("1404", answer);
        EnvelopeAssert.Code("1401", unknown);
        Assert.Equal(["biz_code_foreign"], await learner.AnomalyKindsAsync());
    }

    private async Task<Learner> StartedLearnerAsync(string? photoUrl = "")
    {
        var learner = await Learner.EnrolAsync(system, FaceEveryMinute, firstVideoSeconds: 3600);
        if (photoUrl is not null)
            await learner.SetPhotoAsync(photoUrl == "" ? photos.Publish(Gradient()) : photoUrl);
        EnvelopeAssert.Code("0", await learner.StartAsync());
        return learner;
    }

    /// <summary>A valid PNG with no face in it.</summary>
    private static byte[] Gradient()
    {
        using var bitmap = new SKBitmap(64, 48);
        for (var y = 0; y < 48; y++)
            for (var x = 0; x < 64; x++)
                bitmap.SetPixel(x, y, new SKColor((byte)(x * 4), (byte)(y * 5), 128));
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
