using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Flags;

/// <summary>
/// Pop-up codes answered by a script and by a person (docs/study-rules.md "Bots"). The class asks for a code every
/// minute of play; each check is asked for a second after the minute's report, as the player pauses, and answered
/// after the time given. Answer times are on the server's clock, from the bizCode's issue to the answer.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class BotFlagTests(SupervisionCluster system)
{
    private static readonly object CodeEveryMinute = new { videoOnHook = 1, faceTimeLimit = 1, videoOnHookDetail = new { triggerType = 1, triggervValue = 1 } };

    [Fact]
    public async Task An_OCR_script_answering_in_0_3_s_every_time_is_flagged_with_its_credit_kept_under_review()
    {
        var learner = await Learner.EnrolAsync(system, CodeEveryMinute, firstVideoSeconds: 3600);
        await learner.StartAsync();

        var credited = await StudyAnsweringAsync(learner, [300, 300, 300, 300, 300]);

        var flag = Assert.Single(await FlagDesk.FlagsAsync(learner, "check_answer_bot"));
        Assert.Equal("under_review", (string?)flag["review"]);
        Assert.Equal("fast", (string?)flag["details"]!["reason"]);
        Assert.Equal([300, 300, 300], flag["details"]!["answersMs"]!.AsArray().Select(a => (int)a!));
        Assert.Contains("under review", (string)flag["words"]!["en"]!);
        Assert.Equal(credited, await learner.StudyRecordAsync());
        Assert.Equal(300, credited);
        Assert.Contains(await FlagDesk.ListAsync(system, learner.ClassCode, "under_review"), f => (long)f["id"]! == (long)flag["id"]!);
        var attempts = await FlagDesk.TimelineAsync(system, learner, "check_attempt");
        Assert.Equal(5, attempts.Count);
        Assert.All(attempts, a => Assert.Equal(300, (int)a["details"]!["answerMs"]!));
    }

    [Fact]
    public async Task A_script_that_waits_a_fixed_time_before_answering_is_flagged_for_machine_regular_timing()
    {
        var learner = await Learner.EnrolAsync(system, CodeEveryMinute, firstVideoSeconds: 3600);
        await learner.StartAsync();

        await StudyAnsweringAsync(learner, [2_400, 2_410, 2_395, 2_405, 2_400, 2_390, 2_420, 2_380]);

        var flag = Assert.Single(await FlagDesk.FlagsAsync(learner, "check_answer_bot"));
        Assert.Equal("regular", (string?)flag["details"]!["reason"]);
        Assert.True((double)flag["details"]!["variation"]! < 0.03);
    }

    [Fact]
    public async Task A_person_typing_in_2_to_10_s_is_never_flagged_and_earns_every_second()
    {
        var learner = await Learner.EnrolAsync(system, CodeEveryMinute, firstVideoSeconds: 3600);
        await learner.StartAsync();

        // Quick and slow, as people are: one answer just over the floor, none twice alike.
        int[] typed = [3_200, 7_500, 2_400, 9_100, 4_800, 6_000, 1_900, 8_300, 2_900, 5_600, 3_700, 9_800];
        var credited = await StudyAnsweringAsync(learner, typed);

        Assert.Equal(typed.Length * 60, credited);
        Assert.Equal(credited, await learner.StudyRecordAsync());
        Assert.Empty(await learner.AnomalyKindsAsync());
        var passes = await FlagDesk.TimelineAsync(system, learner, "check_passed");
        Assert.Equal(typed.Reverse(), passes.Select(p => (int)p["details"]!["answerMs"]!));
    }

    [Fact]
    public async Task A_quick_answer_now_and_then_among_a_persons_ordinary_ones_is_no_flag()
    {
        var learner = await Learner.EnrolAsync(system, CodeEveryMinute, firstVideoSeconds: 3600);
        await learner.StartAsync();

        await StudyAnsweringAsync(learner, [4_000, 1_200, 6_500, 3_100, 1_400, 8_000, 5_200]);

        Assert.Empty(await learner.AnomalyKindsAsync());
    }

    /// <summary>
    /// Each minute: a minute's report, a second later the check (the player pauses), then the answer after the given
    /// milliseconds. Answers the seconds credited.
    /// </summary>
    private async Task<int> StudyAnsweringAsync(Learner learner, IReadOnlyList<int> answerMillis)
    {
        var credited = 0;
        var position = 0;
        foreach (var millis in answerMillis)
        {
            var report = (await learner.PlayMinutesAsync(1, position))[0];
            EnvelopeAssert.Code("0", report);
            credited += Learner.Credited(report);
            position += 60;
            system.Clock.Advance(TimeSpan.FromSeconds(1));
            var (bizCode, code) = await learner.GetCodeAsync();
            system.Clock.Advance(TimeSpan.FromMilliseconds(millis));
            EnvelopeAssert.Code("0", await learner.SubmitCodeAsync(bizCode, code));
        }

        return credited;
    }
}
