using Supervision.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Supervision.Tests.Faults;

/// <summary>
/// The front holds no state: killed with SIGKILL under load and started again, it accepts the tokens it issued
/// before (their key is in the database), and every acknowledged second is still credited exactly once.
/// </summary>
public sealed class FrontCrashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Killing_and_restarting_the_front_loses_no_acknowledged_second_and_keeps_tokens_valid()
    {
        await using var cluster = await ProcessCluster.StartAsync(silos: 1);
        var load = await StudyLoad.ProvisionAsync(cluster, 20);

        var running = load.RunUntilAsync(DateTime.UtcNow + TimeSpan.FromSeconds(12));
        await Task.Delay(TimeSpan.FromSeconds(3));
        await cluster.KillFrontAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));
        load.Mark = DateTime.UtcNow;
        await cluster.RestartFrontAsync();
        await running;

        output.WriteLine($"acknowledged {load.Acknowledged.Sum()} s; unanswered or refused: {string.Join(", ", load.Refusals)}");
        Assert.All(load.FirstAnswerAfterMark, answeredAt => Assert.NotEqual(default, answeredAt));
        Assert.DoesNotContain("1102", load.Refusals.Keys);
        await load.AssertCreditEqualsAcknowledgedAsync();
    }
}
