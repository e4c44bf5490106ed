using Supervision.Contracts.Classes;
using Supervision.Contracts.Study;
using Supervision.Grains.Study;
using static Supervision.Tests.Decider.DecidedLearner;

namespace Supervision.Tests.Decider;

/// <summary>
/// Whether a report's change may skip the snapshot is computed from the decision: exactly when replaying its row onto
/// the state gives its draft (which <see cref="DecidedLearner"/> checks, byte for byte, on every such change).
/// </summary>
public sealed class RowsOnlyTests
{
    [Fact]
    public void A_report_that_changed_only_its_numbers_is_kept_in_its_row_alone_refused_or_not()
    {
        var learner = StartedLearner(new ClassPolicy { StudyHourLimit = 1 });
        learner.PlayMinutes(61);

        Assert.Equal(61, learner.RowsOnlyCommits);
    }

    [Theory]
    [InlineData("resume")]
    [InlineData("another device")]
    [InlineData("a timestamp that is not a plain number")]
    [InlineData("the first real-name result")]
    public void A_report_that_changed_more_than_its_row_carries_is_kept_with_a_snapshot(string what)
    {
        var learner = StartedLearner(new ClassPolicy { RealNameAuthentication = what == "the first real-name result" });
        learner.PlayMinutes(1);
        if (what == "resume")
        {
            learner.Pause();
            learner.Advance(30);
        }

        learner.Advance(60);
        var report = new StudyReport(Platform, Course, null, FirstVideo, 120, 60, what switch
        {
            "another device" => new DeviceInfo("TYPE_PC", "another-device", "1"),
            "a timestamp that is not a plain number" => new DeviceInfo("TYPE_PC", "test-device", "2026-03-02T01:03:00Z"),
            _ => new DeviceInfo("TYPE_PC", "test-device", "1"),
        });
        var decision = ReportDecider.Decide(learner.State, report, learner.Now, Drafts, realNameVerified: true);

        Assert.Equal(60, CreditedBy(decision.Answer!));
        Assert.False(decision.Change!.InRowsOnly);
    }

    [Fact]
    public void A_report_on_a_closed_span_keeps_a_snapshot_since_its_row_is_no_row_of_the_open_span()
    {
        var learner = StartedLearner();
        learner.PlayMinutes(1);
        learner.Start(SecondVideo);
        learner.Advance(60);

        var decision = ReportDecider.OnClosedSpan(learner.State, new StudyReport(Platform, Course, null, FirstVideo, 120, 60, DeviceInfo.Unknown), learner.Now, Drafts);

        Assert.False(decision!.Value.Change!.InRowsOnly);
    }

    private static DecidedLearner StartedLearner(ClassPolicy? policy = null)
    {
        var learner = new DecidedLearner(policy);
        learner.Start();
        return learner;
    }
}
