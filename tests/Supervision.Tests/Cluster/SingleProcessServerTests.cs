using System.Net;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Cluster;

/// <summary>
/// The single-process server that scripts/run.sh starts: the front's web application hosting the silo. It serves
/// the same interface as a silo and a front apart, its /metrics carries the study metrics (and says nothing of where the database is), and the Orleans
/// Dashboard it hosts answers on its own loopback port only, never on the front's.
/// </summary>
public sealed class SingleProcessServerTests
{
    [Fact]
    public async Task One_process_credits_every_acknowledged_second_and_shows_study_metrics_but_no_dashboard_on_the_front_port()
    {
        var dashboardPort = FreePort.Next();
        await using var server = await ProcessCluster.StartSingleAsync(new Dictionary<string, string> { ["SUPERVISION_DASHBOARD_PORT"] = dashboardPort.ToString() });
        var load = await StudyLoad.ProvisionAsync(server, 10);

        await load.RunUntilAsync(DateTime.UtcNow + TimeSpan.FromSeconds(4));
        var metrics = await server.Http.GetStringAsync("/metrics");
        using var dashboard = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{dashboardPort}") };
        using var onDashboardPort = await dashboard.GetAsync("/dashboard/");
        using var onFrontPort = await server.Http.GetAsync("/dashboard/");
        using var spoofedHost = new HttpRequestMessage(HttpMethod.Get, "/dashboard/") { Headers = { Host = $"127.0.0.1:{dashboardPort}" } };
        using var onFrontPortAsDashboardHost = await server.Http.SendAsync(spoofedHost);

        await load.AssertCreditEqualsAcknowledgedAsync();
        Assert.True(load.Acknowledged.Sum() > 0);
        Assert.Contains("supervision_study_reports", metrics);
        Assert.Contains("db_client_connection", metrics);
        Assert.DoesNotContain(new Npgsql.NpgsqlConnectionStringBuilder(server.ConnectionString).Database!, metrics);
        Assert.DoesNotContain("Host=", metrics, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Username=", metrics, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, onDashboardPort.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, onFrontPort.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, onFrontPortAsDashboardHost.StatusCode);
    }
}
