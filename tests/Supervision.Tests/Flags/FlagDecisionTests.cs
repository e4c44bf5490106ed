using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Flags;

/// <summary>
/// An operator decides a flag (docs/study-rules.md "Flags"): a void takes back what the learner was credited in the
/// class from the flag's start, and 2.5 answers less; a clear keeps the credit; both are evidence with the operator's
/// name, and a flag is decided once. The flags here are an OCR script's (codes answered in 0.3 s).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FlagDecisionTests(SupervisionCluster system)
{
    private static readonly object CodeEveryMinute = new { videoOnHook = 1, faceTimeLimit = 1, videoOnHookDetail = new { triggerType = 1, triggervValue = 1 } };

    [Fact]
    public async Task A_void_takes_back_the_credit_from_the_flags_start_and_is_recorded_with_the_operators_name()
    {
        var learner = await FlaggedScriptAsync();
        Assert.Equal(300, await learner.StudyRecordAsync());
        var flag = Assert.Single(await FlagDesk.FlagsAsync(learner, "check_answer_bot"));

        var decided = await FlagDesk.DecideAsync(system, (long)flag["id"]!, "void", "审核员 李");

        // The first minute was reported before the first fast answer's check was issued: the flag starts there.
        EnvelopeAssert.Code("0", decided);
        Assert.Equal(240, (int)decided["returnData"]!["voidedSeconds"]!);
        Assert.Equal("审核员 李", (string?)decided["returnData"]!["operator"]);
        Assert.Equal(60, await learner.StudyRecordAsync());
        var decision = Assert.Single(await FlagDesk.TimelineAsync(system, learner, "flag_decision"));
        Assert.Equal("void", (string?)decision["details"]!["decision"]);
        Assert.Equal("审核员 李", (string?)decision["details"]!["operator"]);
        Assert.Equal(240, (int)decision["details"]!["voidedSeconds"]!);
        var voided = Assert.Single(await FlagDesk.TimelineAsync(system, learner, "credit_voided"));
        Assert.Equal(240, (int)voided["details"]!["voidedSeconds"]!);
        Assert.Equal((string?)flag["details"]!["flagId"], (string?)voided["details"]!["flagId"]);
        Assert.Equal("void", (string?)Assert.Single(await FlagDesk.FlagsAsync(learner, "check_answer_bot"))["review"]);
        Assert.Empty(await FlagDesk.ListAsync(system, learner.ClassCode, "under_review"));

        var again = await FlagDesk.DecideAsync(system, (long)flag["id"]!, "clear", "审核员 王");
        EnvelopeAssert.Code("1208", again);
        Assert.Equal(60, await learner.StudyRecordAsync());

        // The void takes what was, not what comes: study after it earns again.
        Assert.Equal(60, Learner.Credited((await learner.PlayMinutesAsync(1, 300))[0]));
        Assert.Equal(120, await learner.StudyRecordAsync());
    }

    [Fact]
    public async Task A_clear_keeps_the_credit_is_recorded_and_later_answers_are_judged_afresh()
    {
        var learner = await FlaggedScriptAsync();
        var flag = Assert.Single(await FlagDesk.FlagsAsync(learner, "check_answer_bot"));

        var decided = await FlagDesk.DecideAsync(system, (long)flag["id"]!, "clear", "operator-7");

        EnvelopeAssert.Code("0", decided);
        Assert.Equal(0, (int)decided["returnData"]!["voidedSeconds"]!);
        Assert.Equal(300, await learner.StudyRecordAsync());
        var decision = Assert.Single(await FlagDesk.TimelineAsync(system, learner, "flag_decision"));
        Assert.Equal("clear", (string?)decision["details"]!["decision"]);
        Assert.Equal("operator-7", (string?)decision["details"]!["operator"]);
        Assert.Empty(await FlagDesk.TimelineAsync(system, learner, "credit_voided"));
        Assert.Equal("clear", (string?)Assert.Single(await FlagDesk.FlagsAsync(learner, "check_answer_bot"))["review"]);

        // Cleared answers are not counted again; three new fast ones are a new flag.
        await AnswerFastAsync(learner, 300, 2);
        Assert.Single(await FlagDesk.FlagsAsync(learner, "check_answer_bot"));
        await AnswerFastAsync(learner, 420, 1);
        Assert.Equal(["under_review", "clear"], (await FlagDesk.FlagsAsync(learner, "check_answer_bot")).Select(f => (string?)f["review"]));
    }

    [Fact]
    public async Task A_decision_names_void_or_clear_and_a_flag_that_exists()
    {
        var learner = await FlaggedScriptAsync();
        var flag = Assert.Single(await FlagDesk.FlagsAsync(learner, "check_answer_bot"));
        system.Clock.Advance(TimeSpan.FromSeconds(60));
        await learner.ReportAsync(3_000, 60); // a jump ahead: an anomaly that is not a flag
        var jump = (await learner.OperatorViewAsync())["anomalies"]!.AsArray().First(a => (string?)a!["kind"] != "check_answer_bot")!;

        var unnamed = await FlagDesk.DecideAsync(system, (long)flag["id"]!, "delete", "operator");
        var unknown = await FlagDesk.DecideAsync(system, long.MaxValue, "void", "operator");
        var notAFlag = await FlagDesk.DecideAsync(system, (long)jump["id"]!, "void", "operator");

        EnvelopeAssert.Code("1003", unnamed);
        Assert.StartsWith("decision:", (string)unnamed["returnMsg"]!);
        EnvelopeAssert.Code("1003", unknown);
        Assert.StartsWith("id:", (string)unknown["returnMsg"]!);
        EnvelopeAssert.Code("1003", notAFlag);
        Assert.Equal("under_review", (string?)Assert.Single(await FlagDesk.FlagsAsync(learner, "check_answer_bot"))["review"]);
        Assert.Empty(await FlagDesk.TimelineAsync(system, learner, "flag_decision"));
    }

    /// <summary>A script's learner: five minutes credited (300 s), the check after each answered in 0.3 s, flagged at the third.</summary>
    private async Task<Learner> FlaggedScriptAsync()
    {
        var learner = await Learner.EnrolAsync(system, CodeEveryMinute, firstVideoSeconds: 3600);
        await learner.StartAsync();
        await AnswerFastAsync(learner, 0, 5);
        return learner;
    }

    private async Task AnswerFastAsync(Learner learner, int position, int checks)
    {
        for (var i = 0; i < checks; i++)
        {
            await learner.PlayMinutesAsync(1, position + (i * 60));
            system.Clock.Advance(TimeSpan.FromSeconds(1));
            var (bizCode, code) = await learner.GetCodeAsync();
            system.Clock.Advance(TimeSpan.FromMilliseconds(300));
            EnvelopeAssert.Code("0", await learner.SubmitCodeAsync(bizCode, code));
        }
    }
}
