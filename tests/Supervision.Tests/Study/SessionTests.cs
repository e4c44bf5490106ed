using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Study;

[Collection(ClusterCollection.Name)]
public sealed class SessionTests(SupervisionCluster system)
{
    [Fact]
    public async Task A_report_without_a_session_is_refused()
    {
        var learner = await Learner.EnrolAsync(system);
        EnvelopeAssert.Code("1304", await learner.ReportAsync(60, 60));
    }

    [Fact]
    public async Task Reports_for_another_platforms_class_an_unknown_student_or_a_foreign_resource_each_have_their_code()
    {
        var learner = await Learner.EnrolAsync(system);
        var outsider = await Platforms.ProvisionAsync(system);
        await learner.StartAsync();
        system.Clock.Advance(TimeSpan.FromSeconds(60));

        var foreignPlatform = await system.PostEnvelopeAsync("/api/v1/studyHour", new
        {
            studyPlatformCode = outsider.LearningCode, resCode = learner.FirstVideo, playTime = 60, progressTime = 60,
            studentUserCode = learner.StudentUserCode, classCode = learner.ClassCode, courseCode = learner.CourseCode,
        }, outsider.LearningToken);
        var unknownStudent = await new Learner(system, learner.Platforms, learner.ClassCode, "not-on-roster", learner.CardNo).ReportAsync(60, 60);
        var foreignResource = await learner.ReportAsync(60, 60, "res-not-in-class");

        EnvelopeAssert.Code("1105", foreignPlatform);
        EnvelopeAssert.Code("1202", unknownStudent);
        EnvelopeAssert.Code("1203", foreignResource);
        Assert.Equal(0, (await Ledger.CreditedAsync(system, learner.ClassCode)).Values.Sum());
    }

    [Fact]
    public async Task A_new_start_closes_the_previous_session_and_reports_on_it_are_refused_as_an_anomaly()
    {
        var learner = await Learner.EnrolAsync(system);
        await learner.StartAsync(learner.FirstVideo);
        await learner.PlayMinutesAsync(1);
        await learner.StartAsync(learner.SecondVideo);
        system.Clock.Advance(TimeSpan.FromSeconds(60));

        var stale = await learner.ReportAsync(120, 60, learner.FirstVideo);
        var current = await learner.ReportAsync(60, 60, learner.SecondVideo);

        EnvelopeAssert.Code("1305", stale);
        Assert.Equal(60, Learner.Credited(current));
        Assert.Contains("closed_session_report", await learner.AnomalyKindsAsync());
    }

    [Fact]
    public async Task A_video_left_without_a_recording_when_the_class_asks_for_one_is_an_anomaly_but_keeps_the_credit()
    {
        var learner = await Learner.EnrolAsync(system, policy: new { videoPlayRecord = 1 });
        await learner.StartAsync(learner.FirstVideo);
        var played = await learner.PlayMinutesAsync(1);
        await learner.EndAsync();

        await learner.StartAsync(learner.SecondVideo);
        EnvelopeAssert.Code("0", await system.PostEnvelopeAsync("/api/v1/submitRecordVideoUrl", new
        {
            studyPlatformCode = learner.Platforms.LearningCode, resCode = learner.SecondVideo, studentUserCode = learner.StudentUserCode,
            classCode = learner.ClassCode, courseCode = learner.CourseCode, recordVideoUrl = "http://rec.example.test/1.mp4",
        }, learner.Platforms.LearningToken));
        await learner.EndAsync(learner.SecondVideo);
        await learner.StartAsync(learner.FirstVideo);

        Assert.Equal(60, Learner.Credited(played[0]));
        Assert.Single(await learner.AnomalyKindsAsync(), "missing_recording");
    }
}
