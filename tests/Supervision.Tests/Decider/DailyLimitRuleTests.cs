using Supervision.Contracts;
using Supervision.Contracts.Classes;
using Supervision.Contracts.Evidence;
using static Supervision.Tests.Decider.DecidedLearner;

namespace Supervision.Tests.Decider;

/// <summary>SPEC rule 4 (docs/study-rules.md "What a report earns", 5): studyHourLimit hours a China Standard Time day, 0 meaning none.</summary>
public sealed class DailyLimitRuleTests
{
    private static readonly ClassPolicy OneHourADay = new() { StudyHourLimit = 1 };

    /// <summary><paramref name="hour"/>:<paramref name="minute"/>:30 China Standard Time (UTC+8).</summary>
    private static DateTimeOffset ChinaTime(int hour, int minute) => new DateTimeOffset(2026, 3, 2, hour, minute, 30, TimeSpan.FromHours(8));

    [Fact]
    public void Seventy_minutes_against_a_one_hour_limit_earn_exactly_the_hour_and_the_rest_is_refused()
    {
        var learner = new DecidedLearner(OneHourADay, firstVideoSeconds: 7200);
        learner.Start();

        var answers = learner.PlayMinutes(70);

        Assert.All(answers.Take(60), a => Assert.Equal(60, CreditedBy(a)));
        Assert.Equal(0, answers[59].Data!.TodayRemaining);
        Assert.All(answers.Skip(60), a => Assert.Equal(ReturnCode.DailyLimitReached, a.Code));
        Assert.Equal(3600, learner.Credited);
        Assert.Equal(10, learner.Anomalies.Count(k => k == AnomalyKind.AfterDailyLimit));
    }

    [Fact]
    public void A_report_that_reaches_the_limit_earns_what_is_left_of_it()
    {
        var learner = new DecidedLearner(OneHourADay, firstVideoSeconds: 7200);
        learner.Start();
        learner.PlayMinutes(59);
        learner.Advance(30);
        learner.Report(3570, 30);

        learner.Advance(60);
        var reaching = learner.Report(3630, 60);

        Assert.Equal(30, CreditedBy(reaching));
        Assert.Equal(3600, learner.Credited);
    }

    [Fact]
    public void No_limit_means_none()
    {
        var learner = new DecidedLearner(firstVideoSeconds: 20_000);
        learner.Start();

        var answers = learner.PlayMinutes(120);

        Assert.All(answers, a => Assert.Equal(60, CreditedBy(a)));
        Assert.Empty(learner.Anomalies);
    }

    [Fact]
    public void Each_China_day_counts_from_zero_at_midnight_UTC_plus_8()
    {
        var learner = new DecidedLearner(OneHourADay, firstVideoSeconds: 20_000, now: ChinaTime(23, 29));
        learner.Start();

        var beforeMidnight = learner.PlayMinutes(30);
        var afterMidnight = learner.PlayMinutes(61, 30 * 60);

        Assert.All(beforeMidnight, a => Assert.Equal(60, CreditedBy(a)));
        Assert.Equal(1800, beforeMidnight[^1].Data!.TodayCredited);
        Assert.Equal(60, afterMidnight[0].Data!.TodayCredited);
        Assert.Equal(3600, afterMidnight[59].Data!.TodayCredited);
        Assert.Equal(ReturnCode.DailyLimitReached, afterMidnight[60].Code);
        Assert.Equal(5400, learner.Credited);
    }

    [Fact]
    public void The_new_day_refills_no_bank_so_a_claim_saved_up_past_the_limit_earns_only_the_clock()
    {
        var learner = new DecidedLearner(OneHourADay, firstVideoSeconds: 20_000, now: ChinaTime(22, 29));
        learner.Start();
        learner.PlayMinutes(60);
        var pastLimit = learner.PlayMinutes(30, 3600); // the last at 23:59:30

        var newDay = learner.PlayMinutes(1, 5400)[0]; // 00:00:30
        learner.Advance(60);
        var bigClaim = learner.Report(5460 + 1800, 1800);

        Assert.All(pastLimit, a => Assert.Equal(ReturnCode.DailyLimitReached, a.Code));
        Assert.Equal(60, CreditedBy(newDay));
        Assert.InRange(CreditedBy(bigClaim), 0, 60 + 5);
        Assert.Contains(AnomalyKind.ProgressAheadOfClock, learner.Anomalies);
    }
}
