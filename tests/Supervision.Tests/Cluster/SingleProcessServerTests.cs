using System.Net;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Cluster;

/// <summary>
/// The single-process server that scripts/run.sh starts: the front's web application hosting the silo. It serves
/// the same interface as a silo and a front apart, its /metrics carries the study metrics (and says nothing of where the database is), and the Orleans
/// Dashboard it hosts answers on its own loopback port only, never on the front's, and only to its own Host names.
/// </summary>
public sealed class SingleProcessServerTests
{
    [Fact]
    public async Task One_process_credits_every_acknowledged_second_and_shows_study_metrics_but_no_dashboard_on_the_front_port()
    {
        var dashboardPort = FreePort.Next();

        // As scripts/run.sh starts it: cluster TLS on, with the certificate scripts/cluster-tls.sh makes.
        var tls = Directory.CreateTempSubdirectory("supervision-tls-").FullName;
        using (var script = System.Diagnostics.Process.Start("bash", [Path.Combine(RepositoryRoot.Path, "scripts", "cluster-tls.sh"), tls]))
        {
            await script.WaitForExitAsync();
        }

        await using var server = await ProcessCluster.StartSingleAsync(new Dictionary<string, string>
        {
            ["SUPERVISION_DASHBOARD_PORT"] = dashboardPort.ToString(),
            ["SUPERVISION_TLS_CERTIFICATE"] = Path.Combine(tls, "cluster-tls.pfx"),
            ["SUPERVISION_TLS_CERTIFICATE_PASSWORD"] = await File.ReadAllTextAsync(Path.Combine(tls, "cluster-tls.password")),
        });
        var load = await StudyLoad.ProvisionAsync(server, 10);

        await load.RunUntilAsync(DateTime.UtcNow + TimeSpan.FromSeconds(4));
        var metrics = await server.Http.GetStringAsync("/metrics");
        using var dashboard = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{dashboardPort}") };
        using var onDashboardPort = await dashboard.GetAsync("/dashboard/");
        using var onFrontPort = await server.Http.GetAsync("/dashboard/");
        using var spoofedHost = new HttpRequestMessage(HttpMethod.Get, "/dashboard/") { Headers = { Host = $"127.0.0.1:{dashboardPort}" } };
        using var onFrontPortAsDashboardHost = await server.Http.SendAsync(spoofedHost);
        using var rebound = new HttpRequestMessage(HttpMethod.Get, "/dashboard/") { Headers = { Host = $"attacker.example:{dashboardPort}" } };
        using var onDashboardPortByAnotherName = await dashboard.SendAsync(rebound);

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

        // A page that rebinds its own name to 127.0.0.1 makes the browser send that name: the dashboard answers no such Host.
        Assert.Equal(HttpStatusCode.BadRequest, onDashboardPortByAnotherName.StatusCode);
    }
}
