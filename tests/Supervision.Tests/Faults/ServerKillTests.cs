using Supervision.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Supervision.Tests.Faults;

/// <summary>
/// The single-process server (silo and front in one, scripts/run.sh's) killed with SIGKILL under a load of learners
/// and started again, as a supervisor would. Clients resend what went unanswered. Afterwards every learner's 2.5
/// credit equals the seconds acknowledged with "0": a commit whose answer died with the process is taken once, and
/// nothing acknowledged is lost.
/// </summary>
public sealed class ServerKillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Killing_the_server_under_load_loses_no_acknowledged_second_and_counts_none_twice()
    {
        await using var cluster = await ProcessCluster.StartSingleAsync();
        var load = await StudyLoad.ProvisionAsync(cluster, 30);

        var running = load.RunUntilAsync(DateTime.UtcNow + TimeSpan.FromSeconds(20));
        await Task.Delay(TimeSpan.FromSeconds(5));
        var before = load.Acknowledged.Sum();
        await cluster.KillAndRestartServerAsync();
        await running;

        output.WriteLine($"acknowledged {before} s before the kill, {load.Acknowledged.Sum()} s in all; unanswered or refused: {string.Join(", ", load.Refusals)}");
        Assert.True(before > 0 && load.Acknowledged.Sum() > before, "the load was acknowledged both before the kill and after the restart");
        await load.AssertCreditEqualsAcknowledgedAsync();
    }
}
