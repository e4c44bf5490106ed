using Supervision.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Supervision.Tests.Faults;

/// <summary>
/// Two silo processes and a front under a load of learners; one silo is killed with SIGKILL mid-load.
/// Clients resend what went unanswered. Afterwards every learner's 2.5 credit equals the seconds the front
/// acknowledged with "0": nothing acknowledged is lost, nothing is counted twice.
/// </summary>
public sealed class SiloCrashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Killing_a_silo_under_load_loses_no_acknowledged_second_and_counts_none_twice()
    {
        await using var cluster = await ProcessCluster.StartAsync(silos: 2);
        var load = await StudyLoad.ProvisionAsync(cluster, 40);

        var running = load.RunUntilAsync(DateTime.UtcNow + TimeSpan.FromSeconds(16));
        await Task.Delay(TimeSpan.FromSeconds(4));
        load.Mark = DateTime.UtcNow;
        cluster.KillSilo(1);
        await running;

        // The learner who waited longest for an answer after the kill: how long the cluster took to recover.
        var recovery = load.FirstAnswerAfterMark.Max() - load.Mark;
        output.WriteLine($"recovered within {recovery.TotalSeconds:F1} s; acknowledged {load.Acknowledged.Sum()} s; unanswered or refused: {string.Join(", ", load.Refusals)}");
        await load.AssertCreditEqualsAcknowledgedAsync();
        Assert.True(recovery < TimeSpan.FromSeconds(12), $"recovery took {recovery.TotalSeconds:F1} s");
    }
}
