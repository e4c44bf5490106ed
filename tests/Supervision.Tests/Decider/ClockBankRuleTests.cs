using Supervision.Contracts;
using Supervision.Contracts.Evidence;
using static Supervision.Tests.Decider.DecidedLearner;

namespace Supervision.Tests.Decider;

/// <summary>
/// SPEC rule 3, the clock bank (docs/study-rules.md "The clock bank"): the wall clock is the person's. An honest
/// player's jitter, batches, pauses and quick reports earn every second played; a script's claims earn the clock.
/// </summary>
public sealed class ClockBankRuleTests
{
    private const int Tolerance = 5;

    [Fact]
    public void An_honest_learner_reporting_every_minute_earns_every_second_and_each_report_is_kept_in_its_row_alone()
    {
        var learner = new DecidedLearner();
        learner.Start();

        var answers = learner.PlayMinutes(20);

        Assert.All(answers, a => Assert.Equal(60, CreditedBy(a)));
        Assert.Equal(1200, answers[^1].Data!.ResourceCredited);
        Assert.Null(answers[^1].Data!.TodayRemaining);
        Assert.Empty(learner.Anomalies);
        Assert.Equal(20, learner.RowsOnlyCommits);
    }

    [Fact]
    public void Jitter_a_missing_minute_and_a_batch_sent_after_an_outage_of_up_to_the_cap_cost_an_honest_learner_nothing()
    {
        var learner = new DecidedLearner();
        learner.Start();

        learner.Advance(58);
        var early = learner.Report(60, 60);
        learner.Advance(62 + 60);
        var afterMissing = learner.Report(180, 120);
        learner.Advance(9 * 60); // reports failed meanwhile; the platform sends them at once when it is back
        var batch = Enumerable.Range(4, 9).Select(minute => learner.Report(minute * 60, 60)).ToList();

        Assert.Equal(60, CreditedBy(early));
        Assert.Equal(120, CreditedBy(afterMissing));
        Assert.All(batch, a => Assert.Equal(60, CreditedBy(a)));
        Assert.Equal(12 * 60, learner.Credited);
        Assert.Empty(learner.Anomalies);
    }

    [Fact]
    public void Twelve_reports_of_ten_seconds_earn_what_one_of_sixty_does()
    {
        var learner = new DecidedLearner();
        learner.Start();

        for (var i = 1; i <= 12; i++)
        {
            learner.Advance(10);
            Assert.Equal(10, CreditedBy(learner.Report(i * 10, 10)));
        }

        Assert.Equal(120, learner.Credited);
        Assert.Empty(learner.Anomalies);
    }

    [Fact]
    public void A_coffee_break_and_the_flush_after_each_pause_cost_nothing_and_the_next_report_resumes()
    {
        var learner = new DecidedLearner();
        learner.Start();
        learner.PlayMinutes(2);

        learner.Advance(20);
        learner.Pause();
        var flush = learner.Report(140, 20);
        var stillPaused = learner.State.Study!.Paused;
        learner.Advance(19 * 60);
        var resumed = learner.PlayMinutes(3, 140);

        Assert.Equal(20, CreditedBy(flush));
        Assert.True(stillPaused, "the flush right after endStudy does not resume");
        Assert.All(resumed, a => Assert.Equal(60, CreditedBy(a)));
        Assert.Equal(320, learner.Credited);
        Assert.Contains(EvidenceKind.SessionResume, learner.Events);
        Assert.Empty(learner.Anomalies);
    }

    [Fact]
    public void Claiming_a_minute_every_ten_seconds_earns_the_ten_seconds_and_is_ahead_of_the_clock_each_time()
    {
        var learner = new DecidedLearner();
        learner.Start();

        var credited = new List<int>();
        for (var i = 1; i <= 6; i++)
        {
            learner.Advance(10);
            credited.Add(CreditedBy(learner.Report(i * 60, 60)));
        }

        Assert.Equal([10 + Tolerance, 10, 10, 10, 10, 10], credited);
        Assert.Equal(6, learner.Anomalies.Count(k => k == AnomalyKind.ProgressAheadOfClock));
    }

    [Fact]
    public void Playing_at_double_speed_is_credited_at_the_wall_clock()
    {
        var learner = new DecidedLearner();
        learner.Start();

        var credited = new List<int>();
        for (var i = 1; i <= 5; i++)
        {
            learner.Advance(60);
            credited.Add(CreditedBy(learner.Report(i * 120, 120)));
        }

        Assert.Equal([60 + Tolerance, 60, 60, 60, 60], credited);
        Assert.Contains(AnomalyKind.ProgressAheadOfClock, learner.Anomalies);
    }

    [Fact]
    public void Half_an_hour_of_silence_then_one_claim_of_all_of_it_earns_at_most_the_cap()
    {
        var learner = new DecidedLearner();
        learner.Start();

        learner.Advance(30 * 60);
        var claim = learner.Report(1800, 1800);

        Assert.Equal(BankCapSeconds + Tolerance, CreditedBy(claim));
        Assert.Equal([AnomalyKind.ProgressAheadOfClock], learner.Anomalies);
    }

    [Fact]
    public void Twenty_restarts_in_three_seconds_refill_nothing_and_are_rapid_restarts()
    {
        var learner = new DecidedLearner();

        var credited = 0;
        for (var i = 1; i <= 20; i++)
        {
            learner.Start();
            learner.Advance(0.075);
            credited += CreditedOrZero(learner.Report(i * 5, 5, timestamp: learner.Now.ToUnixTimeMilliseconds().ToString()));
            learner.Advance(0.075);
        }

        Assert.InRange(credited, 0, 3 + Tolerance);
        Assert.Equal(credited, learner.Credited);
        Assert.Single(learner.Anomalies, AnomalyKind.RapidRestarts);
    }

    [Fact]
    public void Refused_reports_spend_the_bank_so_time_played_behind_a_shut_gate_never_becomes_credit()
    {
        var learner = new DecidedLearner(new Contracts.Classes.ClassPolicy { RealNameAuthentication = true });
        learner.Start();
        var gated = learner.PlayMinutes(5);

        learner.RealNameVerified = true;
        var burst = Enumerable.Range(6, 5).Select(minute => learner.Report(minute * 60, 60, timestamp: $"{minute}")).ToList();

        Assert.All(gated, a => Assert.Equal(ReturnCode.RealNameRequired, a.Code));
        Assert.InRange(burst.Sum(CreditedOrZero), 0, Tolerance);
        Assert.Contains(AnomalyKind.ProgressAheadOfClock, learner.Anomalies);
    }

    [Fact]
    public void A_study_moved_to_another_class_and_back_forfeits_the_time_saved_meanwhile_but_a_pause_there_costs_nothing()
    {
        var learner = new DecidedLearner();
        learner.Start();
        var before = learner.PlayMinutes(3);
        learner.Advance(20);
        learner.Pause();
        var flush = learner.Report(200, 20);

        learner.YieldToAnotherClass(); // studied there for 5 minutes: this bank stood still
        learner.Advance(5 * 60);
        learner.Start();
        var claimOfTheOtherClassesTime = learner.Report(500, 300);
        var after = learner.PlayMinutes(3, 500);

        Assert.All(before.Concat(after), a => Assert.Equal(60, CreditedBy(a)));
        Assert.Equal(20, CreditedBy(flush));
        Assert.InRange(CreditedBy(claimOfTheOtherClassesTime), 0, Tolerance);
        Assert.Equal([AnomalyKind.ProgressAheadOfClock], learner.Anomalies);
    }

    [Fact]
    public void Playing_on_in_a_class_after_the_person_started_in_another_earns_nothing_there_and_is_a_concurrent_session()
    {
        var learner = new DecidedLearner();
        learner.Start();
        learner.PlayMinutes(1);

        learner.YieldToAnotherClass(); // the second tab, while this one plays
        var stale = learner.PlayMinutes(5, 60);

        Assert.All(stale, a => Assert.Equal(ReturnCode.SessionSuperseded, a.Code));
        Assert.Equal(60, learner.Credited);
        Assert.Contains(AnomalyKind.ConcurrentSession, learner.Anomalies);
        Assert.Equal(5, learner.Anomalies.Count(k => k == AnomalyKind.ClosedSessionReport));
    }

    [Fact]
    public void A_study_another_learning_platform_took_over_once_it_was_quiet_is_closed_without_anything_against_it()
    {
        var learner = new DecidedLearner(new Contracts.Classes.ClassPolicy { VideoPlayRecord = true });
        learner.Start();
        learner.PlayMinutes(3);
        learner.Advance(5 * 60); // the tab was closed without endStudy

        learner.YieldToAnotherClass(otherPlatformCode: "platform-2");
        var staleTab = learner.Report(240, 60);

        Assert.Equal(ReturnCode.SessionSuperseded, staleTab.Code);
        Assert.Equal(180, learner.Credited);
        Assert.Empty(learner.Anomalies);
    }
}
