using System.Net;
using System.Text.Json.Nodes;
using Supervision.TestFaces;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Faults;

/// <summary>
/// A judged 1.8 or 1.6 attempt changes its challenge (attempts, stored answer, pass to deliver) and records a
/// check_attempt row. Both are committed together or not at all: an attempt answered 5001 left neither, so the
/// client's retry of the same envelope is judged as if it were the first, and is recorded once.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CheckAttemptCommitTests(SupervisionCluster system, PhotoServer photos) : IClassFixture<PhotoServer>
{
    private static readonly object CodeEveryMinute = new { videoOnHook = 1, faceTimeLimit = 1, videoOnHookDetail = new { triggerType = 1, triggervValue = 1 } };
    private static readonly object FaceEveryMinute = new { videoOnHook = 2, faceTimeLimit = 1, videoOnHookDetail = new { triggerType = 1, triggervValue = 1 } };

    [Fact]
    public async Task A_passing_code_whose_challenge_write_is_refused_records_nothing_and_its_retry_passes_once()
    {
        var learner = await Learner.EnrolAsync(system, CodeEveryMinute, firstVideoSeconds: 3600);
        await learner.StartAsync();
        var due = (await learner.PlayMinutesAsync(1))[0];
        var (bizCode, code) = await learner.GetCodeAsync();

        (HttpStatusCode Status, JsonObject Answer) refused;
        long attemptsRecordedByRefused;
        await using (await RefuseAsync("refuse_state_" + bizCode, "grain_state", $"NEW.kind = 'challenge' AND NEW.key = '{bizCode}'"))
        {
            refused = await learner.SubmitCodeForStatusAsync(bizCode, code);
            attemptsRecordedByRefused = await Ledger.CheckEventsAsync(system, "check_attempt", bizCode);
        }

        var retry = await learner.SubmitCodeAsync(bizCode, code);
        var afterPass = await learner.PlayMinutesAsync(2, 60);

        Assert.NotNull(due["returnData"]!["checkDue"]);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        EnvelopeAssert.Code("5001", refused.Answer);
        Assert.Equal(0, attemptsRecordedByRefused);
        EnvelopeAssert.Code("0", retry);
        Assert.Equal(1, await Ledger.CheckEventsAsync(system, "check_attempt", bizCode));
        Assert.Equal(1, await Ledger.CheckEventsAsync(system, "check_passed", bizCode));
        Assert.All(afterPass, answer => Assert.Equal(60, Learner.Credited(answer)));
        Assert.Empty(await learner.AnomalyKindsAsync());
    }

    [Fact]
    public async Task A_wrong_code_whose_evidence_is_refused_is_not_counted_and_its_retry_is_judged_afresh()
    {
        var learner = await Learner.EnrolAsync(system, CodeEveryMinute, firstVideoSeconds: 3600);
        await learner.StartAsync();
        var (bizCode, code) = await learner.GetCodeAsync();
        var wrong = Wrong(code, 1);

        (HttpStatusCode Status, JsonObject Answer) refused;
        await using (await RefuseAsync("refuse_attempt_" + bizCode, "evidence_events", $"NEW.kind = 'check_attempt' AND NEW.details->>'bizCode' = '{bizCode}'"))
        {
            refused = await learner.SubmitCodeForStatusAsync(bizCode, wrong);
        }

        var retry = await learner.SubmitCodeAsync(bizCode, wrong);
        var recordedByRetry = await Ledger.CheckEventsAsync(system, "check_attempt", bizCode);
        system.Clock.Advance(TimeSpan.FromSeconds(2));
        var second = await learner.SubmitCodeAsync(bizCode, Wrong(code, 2));
        system.Clock.Advance(TimeSpan.FromSeconds(2));
        var right = await learner.SubmitCodeAsync(bizCode, code);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        EnvelopeAssert.Code("5001", refused.Answer);
        EnvelopeAssert.Code("1405", retry);
        Assert.Contains("2 attempts left", (string?)retry["returnMsg"] ?? "");
        Assert.Equal(1, recordedByRetry);
        EnvelopeAssert.Code("1405", second);
        Assert.Contains("1 attempts left", (string?)second["returnMsg"] ?? "");
        EnvelopeAssert.Code("0", right);
        Assert.Equal(3, await Ledger.CheckEventsAsync(system, "check_attempt", bizCode));
    }

    /// <summary>
    /// The photo of an attempt is committed with it: an attempt whose commit failed leaves no photo in check_photos,
    /// and the retry of that same photo is not its own replay.
    /// </summary>
    [Fact]
    public async Task A_passing_photo_whose_challenge_write_is_refused_leaves_no_photo_and_passes_on_retry_without_being_taken_for_a_replay()
    {
        var learner = await Learner.EnrolAsync(system, FaceEveryMinute, firstVideoSeconds: 3600);
        await learner.SetPhotoAsync(photos.Publish(FacePhotos.Registered));
        EnvelopeAssert.Code("0", await learner.StartAsync());
        var bizCode = await learner.GetFaceCheckAsync();
        var live = FacePhotos.LiveCapture(1);

        (HttpStatusCode Status, JsonObject Answer) refused;
        long photosOfRefused;
        await using (await RefuseAsync("refuse_state_" + bizCode, "grain_state", $"NEW.kind = 'challenge' AND NEW.key = '{bizCode}'"))
        {
            refused = await learner.SubmitFaceForStatusAsync(bizCode, live);
            photosOfRefused = await Ledger.CountAsync(system, "SELECT count(*) FROM check_photos WHERE biz_code = @b", ("b", bizCode));
        }

        var retry = await learner.SubmitFaceAsync(bizCode, live);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        EnvelopeAssert.Code("5001", refused.Answer);
        EnvelopeAssert.Code("0", retry);
        Assert.Equal(1, (int)retry["returnData"]!["result"]!);
        Assert.Equal(0, photosOfRefused);
        Assert.Equal(1, await Ledger.CountAsync(system, "SELECT count(*) FROM check_photos WHERE biz_code = @b", ("b", bizCode)));
        Assert.Equal(1, await Ledger.CheckEventsAsync(system, "check_attempt", bizCode));
        Assert.Empty(await learner.AnomalyKindsAsync());
    }

    /// <summary>A four-digit code other than <paramref name="code"/>, a different one for each <paramref name="offset"/> below 10,000.</summary>
    private static string Wrong(string code, int offset) => ((int.Parse(code) + offset) % 10_000).ToString("D4");

    private Task<InjectedFault> RefuseAsync(string name, string table, string when) => InjectedFault.RefuseAsync(system.ConnectionString, name, table, when);
}
