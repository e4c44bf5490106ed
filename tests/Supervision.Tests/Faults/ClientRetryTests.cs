using System.Text.Json.Nodes;
using Supervision.Contracts.Checks;
using Supervision.Contracts.Study;
using Supervision.Grains.Delivery;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Faults;

/// <summary>
/// A client that timed out sends the same envelope again (same headers.timestamp). Every mutating endpoint
/// answers the retry as it answered the original and changes nothing more: no second credit, no anomaly. And what a
/// committed request sends another grain (a check's pass) arrives without any retry.
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

    [Fact]
    public async Task A_pass_whose_hand_over_failed_reaches_the_student_class_from_the_outbox_with_no_client_retry()
    {
        var learner = await Learner.EnrolAsync(system, CodeEveryMinute, firstVideoSeconds: 3600);
        await learner.StartAsync();
        var due = (await learner.PlayMinutesAsync(1))[0];
        var (bizCode, code) = await learner.GetCodeAsync();

        // The attempt is committed with its pass in the outbox; then the student-class's commit of the pass fails,
        // as it would if the database failed or the silo died between the two. The code was right: it is answered so.
        JsonObject passed;
        long takenWhileFailing;
        await using (await FailCommitsOfPassesAsync(learner.ClassCode))
        {
            passed = await learner.SubmitCodeAsync(bizCode, code);
            takenWhileFailing = await Ledger.CheckEventsAsync(system, "check_passed", bizCode);
        }

        // Nobody sends anything again: once the sender's grace has passed, the dispatcher delivers the committed pass.
        system.Clock.Advance(GrainMessages.HandOverGrace + TimeSpan.FromSeconds(1));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await Ledger.CheckEventsAsync(system, "check_passed", bizCode) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        var afterPass = await learner.PlayMinutesAsync(2, 60);

        Assert.NotNull(due["returnData"]!["checkDue"]);
        EnvelopeAssert.Code("0", passed);
        Assert.Equal(0, takenWhileFailing);
        Assert.All(afterPass, answer => EnvelopeAssert.Code("0", answer));
        Assert.All(afterPass, answer => Assert.Equal(60, Learner.Credited(answer)));
        Assert.Equal(1, await Ledger.CheckEventsAsync(system, "check_attempt", bizCode));
        Assert.Equal(1, await Ledger.CheckEventsAsync(system, "check_passed", bizCode));
        Assert.Equal(1, await Ledger.CountAsync(system, "SELECT count(*) FROM deliveries WHERE dedup_key = @k AND status = 'delivered'", ("k", "pass:" + bizCode)));
        Assert.Empty(await learner.AnomalyKindsAsync());
    }

    [Fact]
    public async Task A_pass_delivered_again_is_taken_once_and_a_late_one_clears_no_check_due_after_it_passed()
    {
        var learner = await Learner.EnrolAsync(system, CodeEveryMinute, firstVideoSeconds: 3600);
        await learner.StartAsync();
        await learner.PlayMinutesAsync(1);
        var (bizCode, code) = await learner.GetCodeAsync();
        var passedAt = system.Clock.GetUtcNow();
        EnvelopeAssert.Code("0", await learner.SubmitCodeAsync(bizCode, code));
        var studentClass = system.Grains.GetGrain<IStudentClassGrain>(StudentClassKey.Of(learner.ClassCode, learner.StudentUserCode));
        var sessionId = (await studentClass.Describe()).OpenSession!.SessionId;

        await studentClass.CheckPassed(new CheckPass(bizCode, CheckKind.Code, sessionId, passedAt, 60, learner.FirstVideo));
        var nextDue = (await learner.PlayMinutesAsync(1, 60))[0];
        await studentClass.CheckPassed(new CheckPass(TestIds.Code(), CheckKind.Code, sessionId, passedAt, 60, learner.FirstVideo));
        var afterLatePass = await learner.PlayMinutesAsync(2, 120);

        Assert.Equal(1, await Ledger.CheckEventsAsync(system, "check_passed", bizCode));
        Assert.NotNull(nextDue["returnData"]!["checkDue"]);
        EnvelopeAssert.Code("0", afterLatePass[0]);
        EnvelopeAssert.Code("1306", afterLatePass[1]);
    }

    /// <summary>
    /// Makes PostgreSQL refuse every check_passed evidence row of one class until disposed: the student-class
    /// commits its state with that row, so its taking of a pass fails while the challenge's own writes succeed.
    /// </summary>
    private async Task<IAsyncDisposable> FailCommitsOfPassesAsync(string classCode)
    {
        var fault = new InjectedFault(system.ConnectionString, "fail_pass_" + classCode, "evidence_events");
        await fault.ExecuteAsync(
            $"""
            CREATE FUNCTION {fault.Name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected fault: check_passed refused'; END $$;
            CREATE TRIGGER {fault.Name} BEFORE INSERT ON evidence_events FOR EACH ROW
                WHEN (NEW.kind = 'check_passed' AND NEW.class_code = '{classCode}') EXECUTE FUNCTION {fault.Name}();
            """);
        return fault;
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
