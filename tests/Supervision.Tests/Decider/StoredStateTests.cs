using Supervision.Grains.Study;
using static Supervision.Tests.Decider.DecidedLearner;

namespace Supervision.Tests.Decider;

/// <summary>
/// grain_state keeps each student-class's state as the Orleans serializer wrote it: a state stored before the learner
/// was trimmed still reads, and what every learner of a class holds alike is held once in the silo.
/// </summary>
public sealed class StoredStateTests
{
    /// <summary>
    /// A state as the release before the trimmed learner stored it: two videos (one with a passed code check), a
    /// closed span and an open one, under a policy of a code check every ten minutes.
    /// </summary>
    private const string StoredBeforeTrim =
        "ICEwATEs1C4dU3RyaW5nQ29tcGFyZXIAAwEB4AEFQQtyZXMtMiBAEWNvdXJzZS0xQRNzZWN0aW9uLTEBwhIBQjgBwhIBwhIhAAXBAQEBAQHgIUALYml6LTEBAQEBIeDg4EALcmVzLTEgwBPBFQGiBQGCcAGiBQGiBSEAAcEBAQEBAeAhwAEBogUBASHg4ODgYVxJCwABYhgDASHoAAEBAQEVAQUBBQEpAQEBAeBBJTExMDEwNTE5NDkxMjMxMDAyOSGAACQmbfh33giBAAAAAAAAAADgwSsBASEAASGAAPZv2Ph33giBAAAAAAAAAADg4CFAIRisnAFATuB4i5cBSrTRgd1BFXBsYXRmb3JtLTHBM8ETIYAAJCZt+HfeCIEAAAAAAAAAAOAhgAAkJm34d94IgQAAAAAAAAAA4MEBAaIFAQ0BogUB8UEVMTc3MjQxMzk4MCHoAPEBYhjBAQGiBQGCcMEB4CGAAPZv2Ph33giBAAAAAAAAAADgAQEBAQEBwQHBAcEBYUjWiL3gIQADIUAhD6ycAYAmE3K+ZgI8lTHC/MGJwQ/BEyGAAGiFB/d33giBAAAAAAAAAADgIYAAaIUH93feCIEAAAAAAAAAAODBAQHCEgEpAcISAfFBFTE3NzI0MTM4MDAh6ADxAcISwQEBwhIBQjgh6AgDBSGAACQmbfh33giBAAAAAAAAAADgIYAAgvYf+XfeCIEAAAAAAAAAAODg4CGAACQmbfh33giBAAAAAAAAAADgAQEBAQEBIYAAJCZt+HfeCIEAAAAAAAAAAOBBFXN1cGVyc2VkZWTBAWFI1oi94OBBFWJ1c2luZXNzLTEBBSHgIQADIcArIYAAJCZt+HfeCIEAAAAAAAAAAOABAn3g4CHgIeDg";

    [Fact]
    public void A_state_stored_before_the_trim_reads_with_its_credit_spans_schedule_and_passes()
    {
        var state = Read(Convert.FromBase64String(StoredBeforeTrim));

        Assert.Equal(600, state.Resources[SecondVideo].Credited);
        Assert.Equal(180, state.Resources[FirstVideo].Credited);
        Assert.Equal(780, state.TodayCredited);
        Assert.Equal(FirstVideo, state.Study!.ResCode);
        Assert.Equal(180, state.Study.Credited);
        Assert.Equal(3, state.Study.Reports);
        Assert.Equal(SecondVideo, Assert.Single(state.Closed).ResCode);
        Assert.Equal(SpanEndReason.Superseded, state.Closed[0].EndReason);
        Assert.Equal(1, state.Resources[SecondVideo].Schedule.Cleared);
        Assert.Equal("biz-1", state.Resources[SecondVideo].Passes.LatestBizCode);
        Assert.Equal(10, state.Policy.TriggerValue);
        Assert.Equal(Platform, state.Study.PlatformCode);
        Assert.Equal("business-1", state.BusinessPlatformCode);
        Assert.True(state.Bank.Accruing);
        Assert.Single(state.CodeAnswers);
        var started = new DateTimeOffset(2026, 3, 2, 1, 10, 0, TimeSpan.Zero);
        Assert.Equal(started, state.Study.StartedAt);
        Assert.Equal(started.AddMinutes(3), state.Study.LastReportAt);
        Assert.Equal(started, state.Closed[0].EndedAt);
        Assert.Null(state.Study.PausedAt);
    }

    [Fact]
    public void A_state_stored_before_the_trim_is_stored_again_byte_for_byte()
    {
        var stored = Convert.FromBase64String(StoredBeforeTrim);

        Assert.Equal(stored, Stored(Read(stored)));
    }

    [Fact]
    public void Two_learners_read_from_the_database_share_their_codes_and_their_classs_policy()
    {
        var stored = Convert.FromBase64String(StoredBeforeTrim);
        var first = Read(stored);
        var second = Read(stored);
        Assert.NotSame(first.Policy, second.Policy);
        Assert.NotSame(first.Study!.ResCode, second.Study!.ResCode);

        first.ShareValues();
        second.ShareValues();

        Assert.Same(first.Policy, second.Policy);
        Assert.Same(first.BusinessPlatformCode, second.BusinessPlatformCode);
        Assert.Same(first.Study.PlatformCode, second.Study.PlatformCode);
        Assert.Same(first.Study.ResCode, second.Study.ResCode);
        Assert.Same(first.Closed[0].CourseCode, second.Closed[0].CourseCode);
        Assert.Same(first.Resources.Keys.First(), second.Resources.Keys.First());
        Assert.Same(first.Resources[FirstVideo].SectionCode, second.Resources[FirstVideo].SectionCode);
        Assert.Equal(Stored(Read(stored)), Stored(first));
    }
    [Fact]
    public void Lists_a_learner_never_filled_are_held_as_nothing_and_stored_as_the_empty_lists_they_were()
    {
        var stored = Convert.FromBase64String(StoredBeforeTrim);
        var first = Read(stored);
        var second = Read(stored);

        Assert.Empty(first.Flags);
        Assert.Empty(first.ChecksIssued);
        Assert.Empty(first.RejectedBizCodes);
        Assert.Empty(first.Resources[FirstVideo].Passes.Earlier);
        Assert.Same(first.Flags, second.Flags);
        Assert.Same(first.ChecksIssued, second.ChecksIssued);
        Assert.Same(first.RejectedBizCodes, second.RejectedBizCodes);
        Assert.Same(first.Resources[FirstVideo].Passes.Earlier, second.Resources[FirstVideo].Passes.Earlier);
        Assert.NotSame(first.Closed, second.Closed);
        Assert.Equal(stored, Stored(first));
    }

    [Fact]
    public void Lists_filled_by_passes_and_a_rejection_are_stored_read_and_copied_whole()
    {
        var learner = new DecidedLearner(new Contracts.Classes.ClassPolicy { VideoOnHook = 1, FaceTimeLimit = 5, TriggerType = 1, TriggerValue = 10 });
        learner.Start();
        learner.PlayMinutes(10);
        var first = learner.PassCheck(Contracts.Checks.CheckKind.Code);
        learner.PlayMinutes(10, fromPosition: 600);
        learner.PassCheck(Contracts.Checks.CheckKind.Code);
        Assert.True(learner.RejectFaceCheck(first) > 0);
        var state = learner.State;
        var stored = Stored(state);

        var read = Read(stored);
        var copy = Drafts.New(state, learner.Now).Draft;

        Assert.Equal(first, Assert.Single(read.Resources[FirstVideo].Passes.Earlier).BizCode);
        Assert.Equal([first], read.RejectedBizCodes);
        Assert.Equal(2, read.CodeAnswers.Count);
        Assert.Equal(stored, Stored(read));
        Assert.Equal(stored, Stored(copy));
        Assert.NotSame(state.RejectedBizCodes, copy.RejectedBizCodes);
    }
}
