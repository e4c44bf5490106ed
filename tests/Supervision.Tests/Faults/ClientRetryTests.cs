using System.Text.Json.Nodes;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Faults;

/// <summary>
/// A client that timed out sends the same envelope again (same headers.timestamp). Every mutating endpoint
/// answers the retry as it answered the original and changes nothing more: no second credit, no anomaly.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClientRetryTests(SupervisionCluster system, PhotoServer photos) : IClassFixture<PhotoServer>
{
    private static readonly object CodeEveryMinute = new { videoOnHook = 1, faceTimeLimit = 1, videoOnHookDetail = new { triggerType = 1, triggervValue = 1 } };

    [Fact]
    public async Task Every_learning_platform_call_retried_is_answered_the_same_and_counted_once()
    {
        var learner = await Learner.EnrolAsync(system, CodeEveryMinute, firstVideoSeconds: 3600);

        await Twice(() => learner.AuthenticateAsync("张丽"));
        var photo = photos.Publish([0xFF, 0xD8, 0xFF, 0xD9]);
        await Twice(() => learner.SetPhotoAndAnswerAsync(photo));
        await Twice(() => learner.StartAsync());
        system.Clock.Advance(TimeSpan.FromSeconds(60));
        await Twice(() => learner.ReportAsync(60, 60));
        var (bizCode, code) = await learner.GetCodeAsync();
        await Twice(() => learner.SubmitCodeAsync(bizCode, code));
        await Twice(() => system.PostEnvelopeAsync("/api/v1/submitRecordVideoUrl", new
        {
            studyPlatformCode = learner.Platforms.LearningCode, resCode = learner.FirstVideo, studentUserCode = learner.StudentUserCode,
            classCode = learner.ClassCode, courseCode = learner.CourseCode, recordVideoUrl = "https://video.example.test/rec/1.mp4",
        }, learner.Platforms.LearningToken));
        await Twice(() => learner.EndAsync());

        Assert.Empty(await learner.AnomalyKindsAsync());
        var study = await system.PostEnvelopeAsync("/api/class/v1/classStudentStudy", new { classCode = learner.ClassCode }, learner.Platforms.BusinessToken);
        Assert.Equal("60", (string?)study["returnData"]![0]!["playTime"]);
    }

    /// <summary>Sends the same request twice without the clock moving, and asserts both answers are the same success.</summary>
    private static async Task Twice(Func<Task<JsonObject>> send)
    {
        var first = await send();
        var retry = await send();
        EnvelopeAssert.Code("0", first);
        Assert.Equal(first.ToJsonString(), retry.ToJsonString());
    }
}
