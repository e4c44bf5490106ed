using Supervision.Contracts;
using Supervision.Contracts.Evidence;
using Supervision.Contracts.Study;
using Supervision.Grains.Study;
using static Supervision.Tests.Decider.DecidedLearner;

namespace Supervision.Tests.Decider;

/// <summary>
/// What one report earns beside the clock (docs/study-rules.md "What a report earns"): the video's duration caps it,
/// the position may resume, go back and re-seek but not jump ahead, and a client's retry counts once.
/// </summary>
public sealed class ReportRuleTests
{
    [Fact]
    public void Credit_stops_at_the_videos_duration_and_rewatching_earns_nothing_more_without_an_anomaly()
    {
        var learner = new DecidedLearner(firstVideoSeconds: 150);
        learner.Start();

        var credited = learner.PlayMinutes(4).Select(CreditedBy).ToList();
        var rewatch = learner.PlayMinutes(2); // sought back to 0

        Assert.Equal([60, 60, 30, 0], credited);
        Assert.All(rewatch, a => Assert.Equal(0, CreditedBy(a)));
        Assert.Equal(150, learner.Credited);
        Assert.Empty(learner.Anomalies);
    }

    [Fact]
    public void A_first_report_at_a_saved_position_a_seek_back_and_a_quality_switch_re_seek_are_no_jump()
    {
        var learner = new DecidedLearner();
        learner.Start();

        learner.Advance(60);
        var savedPosition = learner.Report(1260, 60);
        learner.Advance(60);
        var seekBack = learner.Report(60, 60);
        learner.Advance(3);
        var reSeek = learner.Report(60, 3);

        Assert.Equal([60, 60, 3], [CreditedBy(savedPosition), CreditedBy(seekBack), CreditedBy(reSeek)]);
        Assert.Empty(learner.Anomalies);
    }

    [Fact]
    public void Seeking_forward_through_the_video_is_a_jump_and_ending_straight_after_it_is_an_anomaly_too()
    {
        var learner = new DecidedLearner(firstVideoSeconds: 3000);
        learner.Start();
        learner.PlayMinutes(2);

        learner.Advance(60);
        var third = learner.Report(1000, 60); // duration/3 → /2 → end
        learner.Advance(60);
        var half = learner.Report(1500, 60);
        learner.Advance(60);
        var end = learner.Report(3000, 60);
        learner.Pause();

        Assert.All([third, half, end], a => Assert.Equal(60, CreditedBy(a)));
        Assert.Equal(300, learner.Credited);
        Assert.Equal(3, learner.Anomalies.Count(k => k == AnomalyKind.PositionJump));
        Assert.Contains(AnomalyKind.EndAfterJump, learner.Anomalies);
    }

    [Fact]
    public void A_pause_long_after_a_jump_is_no_end_after_jump()
    {
        var learner = new DecidedLearner(firstVideoSeconds: 3000);
        learner.Start();
        learner.PlayMinutes(2);
        learner.Advance(60);
        learner.Report(1500, 60);

        learner.PlayMinutes(3, 1500);
        learner.Pause();

        Assert.DoesNotContain(AnomalyKind.EndAfterJump, learner.Anomalies);
    }

    [Fact]
    public void A_retried_report_is_answered_as_the_first_time_and_counted_once()
    {
        var learner = new DecidedLearner();
        learner.Start();
        learner.Advance(60);

        var timestamp = learner.Now.ToUnixTimeSeconds().ToString();
        var first = learner.Report(60, 60, timestamp: timestamp);
        learner.Advance(2);
        var retry = learner.Report(60, 60, timestamp: timestamp);

        Assert.Equal(first, retry);
        Assert.Equal(60, learner.Credited);
        Assert.Single(learner.Rows);
        Assert.Empty(learner.Anomalies);
    }

    [Fact]
    public void The_same_report_sent_again_as_a_new_request_earns_only_what_the_clock_allows()
    {
        var learner = new DecidedLearner();
        learner.Start();
        learner.Advance(60);

        var credited = Enumerable.Range(0, 5).Select(i => CreditedOrZero(learner.Report(60, 60, timestamp: $"{1000 + i}"))).ToList();

        Assert.Equal([60, 5, 0, 0, 0], credited);
        Assert.Equal(4, learner.Anomalies.Count(k => k == AnomalyKind.ProgressAheadOfClock));
    }

    [Fact]
    public void A_report_on_another_platforms_or_courses_session_or_without_any_is_refused_and_changes_nothing()
    {
        var learner = new DecidedLearner();
        var withoutSession = learner.Report(60, 60);
        learner.Start();
        learner.Advance(60);

        var foreign = ReportDecider.Decide(learner.State, new StudyReport("platform-2", Course, null, FirstVideo, 60, 60, DeviceInfo.Unknown), learner.Now, Drafts);
        var otherCourse = ReportDecider.Decide(learner.State, new StudyReport(Platform, "course-2", null, FirstVideo, 60, 60, DeviceInfo.Unknown), learner.Now, Drafts);

        Assert.Equal(ReturnCode.NoOpenSession, withoutSession.Code);
        Assert.Equal((ReturnCode.ForeignPlatform, null), (foreign.Answer!.Code, foreign.Change));
        Assert.Equal((ReturnCode.CourseNotFound, null), (otherCourse.Answer!.Code, otherCourse.Change));
    }

    [Fact]
    public void A_start_on_another_video_closes_the_span_and_reports_that_keep_coming_for_it_earn_nothing()
    {
        var learner = new DecidedLearner();
        learner.Start(FirstVideo);
        learner.PlayMinutes(1);
        learner.Start(SecondVideo);
        learner.Advance(60);

        var stale = learner.Report(120, 60, FirstVideo);
        var current = learner.Report(60, 60, SecondVideo);

        Assert.Equal(ReturnCode.SessionSuperseded, stale.Code);
        Assert.Equal(60, CreditedBy(current));
        Assert.Equal(120, learner.Credited);
        Assert.Equal([AnomalyKind.ClosedSessionReport], learner.Anomalies);
    }

    [Fact]
    public void A_video_left_without_a_recording_when_the_class_asks_for_one_is_an_anomaly_and_keeps_its_credit()
    {
        var learner = new DecidedLearner(new Contracts.Classes.ClassPolicy { VideoPlayRecord = true });
        learner.Start(FirstVideo);
        learner.PlayMinutes(1);

        learner.Start(SecondVideo);

        Assert.Equal(60, learner.Credited);
        Assert.Equal([AnomalyKind.MissingRecording], learner.Anomalies);
    }
}
