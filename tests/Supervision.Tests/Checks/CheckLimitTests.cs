using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Checks;

/// <summary>
/// A platform asks for checks for one learner as fast as it can (4,000 in 11 s once, each a stored challenge and
/// evidence row, each face check up to three stored photos). Past the window's bound it is refused with 1310 and
/// nothing is stored; an honest player that asks for a check every minute, twice each, is never refused.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CheckLimitTests(SupervisionCluster system)
{
    private static readonly object EveryMinute = new { videoOnHook = 1, faceTimeLimit = 5, videoOnHookDetail = new { triggerType = 1, triggervValue = 1 } };

    [Fact]
    public async Task Checks_past_the_window_s_bound_are_refused_with_1310_and_store_nothing_until_the_window_moves()
    {
        var learner = await Learner.EnrolAsync(system, EveryMinute, firstVideoSeconds: 3600);
        EnvelopeAssert.Code("0", await learner.StartAsync());
        for (var i = 0; i < 40; i++)
        {
            await learner.GetCodeAsync();
        }

        var issuedBefore = await IssuedAsync(learner);
        var refused = await AskAsync(learner, "/api/v1/getVerificationCode");
        var refusedFace = await AskAsync(learner, "/api/v1/getFaceCompareConfig");
        var issuedAfter = await IssuedAsync(learner);
        system.Clock.Advance(TimeSpan.FromMinutes(10));
        var later = await AskAsync(learner, "/api/v1/getVerificationCode");

        EnvelopeAssert.Code("1310", refused);
        EnvelopeAssert.Code("1310", refusedFace);
        Assert.Contains("40 checks", (string)refused["returnMsg"]!);
        Assert.Equal(40, issuedBefore);
        Assert.Equal(issuedBefore, issuedAfter);
        EnvelopeAssert.Code("0", later);
    }

    [Fact]
    public async Task Face_checks_have_a_bound_of_their_own_which_bounds_the_photos_kept()
    {
        var learner = await Learner.EnrolAsync(system, new { videoOnHook = 2, faceTimeLimit = 5, videoOnHookDetail = new { triggerType = 1, triggervValue = 1 } }, firstVideoSeconds: 3600);
        EnvelopeAssert.Code("0", await learner.StartAsync());
        for (var i = 0; i < 20; i++)
        {
            await learner.GetFaceCheckAsync();
        }

        var refused = await AskAsync(learner, "/api/v1/getFaceCompareConfig");
        var issued = await IssuedAsync(learner);
        var code = await AskAsync(learner, "/api/v1/getVerificationCode");

        EnvelopeAssert.Code("1310", refused);
        Assert.Contains("20 face checks", (string)refused["returnMsg"]!);
        Assert.Equal(20, issued);
        EnvelopeAssert.Code("0", code);
    }

    [Fact]
    public async Task An_honest_player_asking_twice_for_a_check_every_minute_is_never_refused_and_earns_every_second()
    {
        var learner = await Learner.EnrolAsync(system, EveryMinute, firstVideoSeconds: 3600);
        EnvelopeAssert.Code("0", await learner.StartAsync());
        var credited = 0;
        for (var minute = 1; minute <= 25; minute++)
        {
            system.Clock.Advance(TimeSpan.FromSeconds(55));
            credited += Learner.CreditedOrZero(await learner.ReportAsync(minute * 60 - 5, 55));
            await learner.GetCodeAsync();
            var (bizCode, code) = await learner.GetCodeAsync();
            system.Clock.Advance(TimeSpan.FromSeconds(5));
            EnvelopeAssert.Code("0", await learner.SubmitCodeAsync(bizCode, code));
            credited += Learner.CreditedOrZero(await learner.ReportAsync(minute * 60, 5));
        }

        Assert.Equal(25 * 60, credited);
    }

    private Task<System.Text.Json.Nodes.JsonObject> AskAsync(Learner learner, string path) => system.PostEnvelopeAsync(path, new
    {
        studyPlatformCode = learner.Platforms.LearningCode,
        studentUserCode = learner.StudentUserCode,
        resCode = learner.FirstVideo,
        classCode = learner.ClassCode,
    }, learner.Platforms.LearningToken);

    private Task<long> IssuedAsync(Learner learner) => Ledger.CountAsync(system,
        "SELECT count(*) FROM evidence_events WHERE kind = 'check_issued' AND class_code = @c AND student_user_code = @s",
        ("c", learner.ClassCode), ("s", learner.StudentUserCode));
}
