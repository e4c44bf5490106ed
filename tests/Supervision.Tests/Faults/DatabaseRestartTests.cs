using Supervision.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Supervision.Tests.Faults;

/// <summary>
/// PostgreSQL crashes and comes back under load. Requests during the outage are refused with a documented
/// code (5001, HTTP 503), not left hanging; the service recovers by itself; nothing acknowledged is lost.
/// </summary>
public sealed class DatabaseRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_database_outage_refuses_with_5001_then_recovers_and_loses_nothing_acknowledged()
    {
        var server = PostgresServer.StartPrivate();
        await using var cluster = await ProcessCluster.StartAsync(silos: 1, server);
        var load = await StudyLoad.ProvisionAsync(cluster, 20);

        var running = load.RunUntilAsync(DateTime.UtcNow + TimeSpan.FromSeconds(14));
        await Task.Delay(TimeSpan.FromSeconds(3));
        server.Crash();
        await Task.Delay(TimeSpan.FromSeconds(4));
        load.Mark = DateTime.UtcNow;
        server.StartAgain();
        await running;

        var recovery = load.FirstAnswerAfterMark.Max() - load.Mark;
        output.WriteLine($"recovered within {recovery.TotalSeconds:F1} s of the restart; refused or unanswered: {string.Join(", ", load.Refusals)}");
        Assert.True(load.Refusals.GetValueOrDefault("5001") > 0, "no request met the outage");
        Assert.All(load.Refusals.Keys, code => Assert.Contains(code, new[] { "5001", "none" }));
        await load.AssertCreditEqualsAcknowledgedAsync();
        Assert.True(recovery < TimeSpan.FromSeconds(8), $"recovery took {recovery.TotalSeconds:F1} s");
    }
}
