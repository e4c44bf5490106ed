using System.Text.Json;
using Orleans.Runtime;
using Supervision.Contracts.Study;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Study;

/// <summary>
/// A report that changes only its own numbers is committed as its compact row, with no snapshot of the state; a
/// student-class grain that leaves memory is rebuilt from its last snapshot and the rows after it, and goes on
/// exactly where it was: credit, position, bank, a due check, and the answer to a retried report.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ReportJournalTests(SupervisionCluster system)
{
    [Fact]
    public async Task A_grain_rebuilt_from_its_report_rows_answers_a_retry_as_before_and_credits_the_next_minute_whole()
    {
        var learner = await Learner.EnrolAsync(system, firstVideoSeconds: 3600);
        EnvelopeAssert.Code("0", await learner.StartAsync());
        await learner.PlayMinutesAsync(5);
        system.Clock.Advance(TimeSpan.FromSeconds(60));
        var timestamp = learner.MillisecondTimestamp();
        var last = await learner.ReportAtAsync(timestamp, 360, 60);
        var before = await DescribeAsync(learner);

        var (snapshot, lastRow) = await VersionsAsync(learner);
        await ForgetActiveGrainsAsync();

        Assert.Equal(before, await DescribeAsync(learner));
        var retried = await learner.ReportAtAsync(timestamp, 360, 60);
        system.Clock.Advance(TimeSpan.FromSeconds(60));
        var next = await learner.ReportAsync(420, 60);

        Assert.True(snapshot < lastRow, $"the reports after the start were committed as rows alone (snapshot {snapshot}, last row {lastRow})");
        Assert.Equal(last.ToJsonString(), retried.ToJsonString());
        Assert.Equal(60, Learner.Credited(next));
        Assert.Equal(420, await learner.StudyRecordAsync());
        Assert.Equal(420, (await Ledger.CreditedAsync(system, learner.ClassCode)).Values.Sum());
        Assert.Empty(await learner.AnomalyKindsAsync());
    }

    [Fact]
    public async Task A_check_that_fell_due_in_a_report_row_is_still_due_and_then_overdue_after_the_grain_is_rebuilt()
    {
        var everyTwoMinutes = new { videoOnHook = 1, faceTimeLimit = 2, videoOnHookDetail = new { triggerType = 1, triggervValue = 2 } };
        var learner = await Learner.EnrolAsync(system, everyTwoMinutes, firstVideoSeconds: 3600);
        EnvelopeAssert.Code("0", await learner.StartAsync());
        var reachedCheck = (await learner.PlayMinutesAsync(2))[^1];

        await ForgetActiveGrainsAsync();
        var stillDue = (await learner.PlayMinutesAsync(1, 120))[0];
        system.Clock.Advance(TimeSpan.FromSeconds(90));
        var pastValidity = await learner.ReportAsync(270, 90);

        Assert.NotNull(Learner.CheckDue(reachedCheck));
        Assert.Equal(Learner.CheckDue(reachedCheck)!.ToJsonString(), Learner.CheckDue(stillDue)?.ToJsonString());
        EnvelopeAssert.Code("1306", pastValidity);
        Assert.Equal(180, await learner.StudyRecordAsync());
    }

    [Fact]
    public async Task A_burst_of_claims_after_a_rebuild_gets_no_more_than_the_bank_held_before_it()
    {
        var learner = await Learner.EnrolAsync(system, firstVideoSeconds: 3600);
        EnvelopeAssert.Code("0", await learner.StartAsync());
        await learner.PlayMinutesAsync(3);

        await ForgetActiveGrainsAsync();
        var burst = new List<int>();
        for (var i = 1; i <= 5; i++)
        {
            burst.Add(Learner.CreditedOrZero(await learner.ReportAtAsync(learner.MillisecondTimestamp(), 180 + (i * 60), 60)));
            system.Clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        // Right after three honest minutes the bank is empty but for the tolerance: the rebuild restored the spent balance.
        Assert.InRange(burst.Sum(), 0, 5);
        Assert.Contains("progress_ahead_of_clock", await learner.AnomalyKindsAsync());
    }

    private async Task<string> DescribeAsync(Learner learner) =>
        JsonSerializer.Serialize(await system.Grains.GetGrain<IStudentClassGrain>(StudentClassKey.Of(learner.ClassCode, learner.StudentUserCode)).Describe());

    /// <summary>The version of the student-class's snapshot, and that of its last report row.</summary>
    private async Task<(long Snapshot, long LastRow)> VersionsAsync(Learner learner)
    {
        var snapshot = await Ledger.CountAsync(system, "SELECT version FROM grain_state WHERE kind = 'student_class' AND key = @k",
            ("k", StudentClassKey.Of(learner.ClassCode, learner.StudentUserCode)));
        var lastRow = await Ledger.CountAsync(system, "SELECT max(version) FROM report_evidence WHERE class_code = @c", ("c", learner.ClassCode));
        return (snapshot, lastRow);
    }

    /// <summary>Every idle activation leaves memory, as Orleans' collector would after a while: the next call reads the grain from PostgreSQL.</summary>
    private async Task ForgetActiveGrainsAsync()
    {
        var management = system.Grains.GetGrain<IManagementGrain>(0);
        await management.ForceActivationCollection(TimeSpan.Zero);
        var studentClasses = (await management.GetSimpleGrainStatistics()).Where(s => s.GrainType.Contains(nameof(Supervision.Grains.Study.StudentClassGrain)));
        Assert.Equal(0, studentClasses.Sum(s => s.ActivationCount));
    }
}
