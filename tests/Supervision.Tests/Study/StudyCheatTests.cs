using System.Text.Json.Nodes;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Study;

/// <summary>
/// What a fake-study script does against the clock bank (SPEC rule 3) and the check schedule (rules 7, 8): each
/// cheat earns at most what the rules allow and is recorded as its anomaly; the honest pattern next to it is not.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class StudyCheatTests(SupervisionCluster system)
{
    private const int ToleranceSeconds = 5;

    [Fact]
    public async Task Twenty_session_restarts_in_three_seconds_earn_no_more_than_the_clock_and_are_rapid_restarts()
    {
        var learner = await Learner.EnrolAsync(system, firstVideoSeconds: 3600);

        var answers = new List<JsonObject>();
        for (var i = 1; i <= 20; i++)
        {
            // Millisecond timestamps: twenty distinct requests, none of them a client's retry of another.
            await learner.StartAtAsync(learner.MillisecondTimestamp());
            system.Clock.Advance(TimeSpan.FromMilliseconds(75));
            answers.Add(await learner.ReportAtAsync(learner.MillisecondTimestamp(), i * 5, 5));
            system.Clock.Advance(TimeSpan.FromMilliseconds(75));
        }

        Assert.InRange(answers.Sum(Learner.CreditedOrZero), 0, 3 + ToleranceSeconds);
        Assert.InRange(await CreditedAsync(learner), 0, 3 + ToleranceSeconds);
        Assert.Contains("rapid_restarts", await learner.AnomalyKindsAsync());
    }

    [Fact]
    public async Task A_due_check_dodged_by_restarting_the_session_stays_due_and_then_refuses_as_overdue()
    {
        var everyTwoMinutes = new { videoOnHook = 1, faceTimeLimit = 2, videoOnHookDetail = new { triggerType = 1, triggervValue = 2 } };
        var learner = await Learner.EnrolAsync(system, everyTwoMinutes, firstVideoSeconds: 3600);
        await learner.StartAsync();
        var reachedCheck = (await learner.PlayMinutesAsync(2))[^1];

        await learner.StartAsync();
        var afterRestart = (await learner.PlayMinutesAsync(1, 120))[0];
        await learner.StartAsync();
        system.Clock.Advance(TimeSpan.FromSeconds(90));
        var pastValidity = await learner.ReportAsync(270, 90);
        await learner.StartAsync();
        var afterAnotherRestart = (await learner.PlayMinutesAsync(1, 270))[0];

        Assert.Equal("code", (string?)Learner.CheckDue(reachedCheck)?["kind"]);
        EnvelopeAssert.Code("0", afterRestart);
        Assert.Equal("code", (string?)Learner.CheckDue(afterRestart)?["kind"]);
        EnvelopeAssert.Code("1306", pastValidity);
        EnvelopeAssert.Code("1306", afterAnotherRestart);
        Assert.Equal(180, await CreditedAsync(learner));
        Assert.Equal(1, (await learner.AnomalyKindsAsync()).Count(k => k == "check_overdue"));
    }

    [Fact]
    public async Task Half_an_hour_of_silence_then_one_claim_of_all_of_it_earns_at_most_the_bank_cap()
    {
        var learner = await Learner.EnrolAsync(system, firstVideoSeconds: 3600);
        await learner.StartAsync();

        system.Clock.Advance(TimeSpan.FromMinutes(30));
        var claim = await learner.ReportAsync(1800, 1800);

        Assert.InRange(Learner.CreditedOrZero(claim), 0, 600 + ToleranceSeconds);
        Assert.InRange(await CreditedAsync(learner), 0, 600 + ToleranceSeconds);
        Assert.Contains("progress_ahead_of_clock", await learner.AnomalyKindsAsync());
    }

    [Fact]
    public async Task One_claim_across_a_due_check_point_earns_past_the_point_no_more_than_the_checks_validity()
    {
        var everyTenMinutes = new { videoOnHook = 1, faceTimeLimit = 5, videoOnHookDetail = new { triggerType = 1, triggervValue = 10 } };
        var learner = await Learner.EnrolAsync(system, everyTenMinutes, firstVideoSeconds: 3600);
        await learner.StartAsync();
        var honest = await learner.PlayMinutesAsync(9);

        system.Clock.Advance(TimeSpan.FromMinutes(10));
        var claim = await learner.ReportAsync(540 + 600, 600); // the check point at 600 s lies inside it

        Assert.All(honest, a => Assert.Equal(60, Learner.Credited(a)));
        Assert.InRange(Learner.CreditedOrZero(claim), 0, (600 - 540) + (5 * 60));
        Assert.Contains("claim_past_due_check", await learner.AnomalyKindsAsync());
    }

    [Fact]
    public async Task A_batch_of_nine_minutes_sent_together_after_an_outage_is_credited_whole_without_anomaly()
    {
        var learner = await Learner.EnrolAsync(system, firstVideoSeconds: 3600);
        await learner.StartAsync();
        var before = await learner.PlayMinutesAsync(2);

        system.Clock.Advance(TimeSpan.FromMinutes(9)); // reports failed meanwhile; the platform sends them once it is back
        var batch = new List<JsonObject>();
        for (var minute = 3; minute <= 11; minute++)
        {
            batch.Add(await learner.ReportAsync(minute * 60, 60));
        }

        Assert.All(before.Concat(batch), a => Assert.Equal(60, Learner.Credited(a)));
        Assert.Equal(11 * 60, await CreditedAsync(learner));
        Assert.Empty(await learner.AnomalyKindsAsync());
    }

    [Fact]
    public async Task Two_classes_of_one_person_played_at_once_in_two_tabs_earn_no_more_than_the_clock_and_are_concurrent_sessions()
    {
        var first = await Learner.EnrolAsync(system, firstVideoSeconds: 3600);
        var second = await first.EnrolInAnotherClassAsync(firstVideoSeconds: 3600);
        var began = system.Clock.GetUtcNow();
        await first.StartAsync();
        system.Clock.Advance(TimeSpan.FromSeconds(5));
        await first.ReportAsync(5, 5);
        await second.StartAsync(); // the second tab, while the first plays

        var firstWhileSecondLive = new List<JsonObject>();
        for (var minute = 1; minute <= 5; minute++)
        {
            system.Clock.Advance(TimeSpan.FromSeconds(60));
            firstWhileSecondLive.Add(await first.ReportAsync(5 + (minute * 60), 60));
            await second.ReportAsync(minute * 60, 60);
        }

        var firstKinds = await first.AnomalyKindsAsync(); // the first one was playing when the second started
        await first.StartAsync(); // the script reloads the first tab, and goes on reporting in both
        var secondWhileFirstLive = new List<JsonObject>();
        for (var minute = 6; minute <= 10; minute++)
        {
            system.Clock.Advance(TimeSpan.FromSeconds(60));
            await first.ReportAsync(5 + (minute * 60), 60);
            secondWhileFirstLive.Add(await second.ReportAsync(minute * 60, 60));
        }

        var elapsed = (int)(system.Clock.GetUtcNow() - began).TotalSeconds;
        Assert.All(firstWhileSecondLive, a => EnvelopeAssert.Code("1305", a));
        Assert.All(secondWhileFirstLive, a => EnvelopeAssert.Code("1305", a));
        Assert.InRange(await CreditedAsync(first) + await CreditedAsync(second), 0, elapsed + ToleranceSeconds);
        Assert.Contains("concurrent_session", firstKinds);
        Assert.Contains("closed_session_report", firstKinds);
        var secondKinds = await second.AnomalyKindsAsync();
        Assert.Contains("concurrent_session", secondKinds);
        Assert.Contains("closed_session_report", secondKinds);
    }

    [Fact]
    public async Task Pausing_one_class_and_then_playing_another_of_the_same_person_is_credited_whole_without_anomaly()
    {
        var first = await Learner.EnrolAsync(system, firstVideoSeconds: 3600);
        var second = await first.EnrolInAnotherClassAsync(firstVideoSeconds: 3600);

        await first.StartAsync();
        var firstMorning = await first.PlayMinutesAsync(3);
        var firstFlush = await PauseAndFlushAsync(first, 180);
        EnvelopeAssert.Code("0", await second.StartAsync());
        var secondClass = await second.PlayMinutesAsync(3);
        var secondFlush = await PauseAndFlushAsync(second, 180);
        EnvelopeAssert.Code("0", await first.StartAsync());
        var firstAgain = await first.PlayMinutesAsync(3, 200);

        Assert.All(firstMorning.Concat(secondClass).Concat(firstAgain), a => Assert.Equal(60, Learner.Credited(a)));
        Assert.Equal([20, 20], [Learner.Credited(firstFlush), Learner.Credited(secondFlush)]);
        Assert.Empty(await first.AnomalyKindsAsync());
        Assert.Empty(await second.AnomalyKindsAsync());
    }

    /// <summary>The real client's pause: 20 s after its last report, endStudy and at once the report of those 20 s.</summary>
    private async Task<JsonObject> PauseAndFlushAsync(Learner learner, int position)
    {
        system.Clock.Advance(TimeSpan.FromSeconds(20));
        EnvelopeAssert.Code("0", await learner.PauseAsync());
        return await learner.ReportAsync(position + 20, 20);
    }

    [Fact]
    public async Task After_the_daily_limit_the_new_China_day_credits_normally_but_the_day_roll_refills_no_bank()
    {
        // Start at 22:29:30 China Standard Time (14:29:30 UTC) of some coming day.
        var now = system.Clock.GetUtcNow();
        var target = new DateTimeOffset(now.Year, now.Month, now.Day, 14, 29, 30, TimeSpan.Zero);
        system.Clock.Advance((target > now ? target : target.AddDays(1)) - now);
        var learner = await Learner.EnrolAsync(system, new { studyHourLimit = 1 }, firstVideoSeconds: 20_000);
        await learner.StartAsync();

        var withinLimit = await learner.PlayMinutesAsync(60);
        var pastLimit = await learner.PlayMinutesAsync(30, 3600); // the last at 23:59:30
        var newDay = (await learner.PlayMinutesAsync(1, 5400))[0]; // 00:00:30
        system.Clock.Advance(TimeSpan.FromSeconds(60));
        var bigClaim = await learner.ReportAsync(5460 + 1800, 1800);

        Assert.All(withinLimit, a => Assert.Equal(60, Learner.Credited(a)));
        Assert.All(pastLimit, a => EnvelopeAssert.Code("1303", a));
        Assert.Equal(60, Learner.Credited(newDay));
        Assert.InRange(Learner.CreditedOrZero(bigClaim), 0, 60 + ToleranceSeconds);
        var kinds = await learner.AnomalyKindsAsync();
        Assert.Contains("after_daily_limit", kinds);
        Assert.Contains("progress_ahead_of_clock", kinds);
    }

    private async Task<long> CreditedAsync(Learner learner) =>
        (await Ledger.CreditedAsync(system, learner.ClassCode)).Values.Sum();
}
