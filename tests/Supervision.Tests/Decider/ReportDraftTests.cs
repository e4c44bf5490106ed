using Supervision.Contracts.Classes;
using Supervision.Contracts.Checks;
using Supervision.Contracts.Study;
using Supervision.Grains.Study;
using static Supervision.Tests.Decider.DecidedLearner;

namespace Supervision.Tests.Decider;

/// <summary>
/// A report, the hot path, is drafted on copies of what it changes — the open span, the bank, its video — and shares
/// the rest with the state it was given, which it leaves as it was: no deep copy of the learner a report.
/// </summary>
public sealed class ReportDraftTests
{
    private static readonly ClassPolicy CodeEveryTenMinutes = new() { VideoOnHook = 1, FaceTimeLimit = 5, TriggerType = 1, TriggerValue = 10 };

    [Fact]
    public void A_reports_draft_copies_the_span_the_bank_and_its_video_and_shares_everything_else()
    {
        var learner = LearnerWithHistory();
        var state = learner.State;
        var before = Stored(state);
        learner.Advance(60);

        var change = ReportDecider.Decide(state, Report(learner, 660, 60), learner.Now, Drafts).Change!;
        var draft = change.Draft;

        Assert.Equal(before, Stored(state));
        Assert.Equal(60, draft.Resources[FirstVideo].Credited - state.Resources[FirstVideo].Credited);
        Assert.NotSame(state.Study, draft.Study);
        Assert.NotSame(state.Bank, draft.Bank);
        Assert.NotSame(state.Resources, draft.Resources);
        Assert.NotSame(state.Resources[FirstVideo], draft.Resources[FirstVideo]);
        Assert.NotSame(state.Resources[FirstVideo].Schedule, draft.Resources[FirstVideo].Schedule);
        Assert.NotSame(state.Resources[FirstVideo].Passes, draft.Resources[FirstVideo].Passes);
        Assert.Same(state.Resources[SecondVideo], draft.Resources[SecondVideo]);
        Assert.Same(state.Closed, draft.Closed);
        Assert.Same(state.Policy, draft.Policy);
        Assert.Same(state.CodeAnswers, draft.CodeAnswers);
    }

    [Fact]
    public void A_check_falling_due_a_pass_and_a_rejection_after_partly_copied_reports_leave_every_earlier_state_as_it_was()
    {
        var learner = LearnerWithHistory();
        var states = new List<(StudentClassState State, byte[] Stored)>();
        for (var minute = 0; minute < 12; minute++)
        {
            states.Add((learner.State, Stored(learner.State)));
            learner.Advance(60);
            learner.Report(600 + (minute * 60), 60);
        }

        var bizCode = learner.PassCheck(CheckKind.Code);
        learner.PlayMinutes(3, fromPosition: 1320);
        var voided = learner.RejectFaceCheck(bizCode);

        Assert.Equal(180, voided);
        Assert.All(states, s => Assert.Equal(s.Stored, Stored(s.State)));
    }

    /// <summary>Ten minutes of the second video (its span closed), a code check passed on it, then the first video started.</summary>
    private static DecidedLearner LearnerWithHistory()
    {
        var learner = new DecidedLearner(CodeEveryTenMinutes);
        learner.Start(SecondVideo);
        learner.PlayMinutes(10, resCode: SecondVideo);
        learner.PassCheck(CheckKind.Code);
        learner.Start();
        learner.PlayMinutes(10);
        return learner;
    }

    private static StudyReport Report(DecidedLearner learner, int playTime, int progressTime) =>
        new(Platform, Course, null, FirstVideo, playTime, progressTime, new DeviceInfo("TYPE_PC", "test-device", learner.Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
