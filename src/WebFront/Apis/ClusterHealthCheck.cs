using Microsoft.Extensions.Diagnostics.HealthChecks;
using Supervision.Contracts;

namespace Supervision.WebFront.Apis;

/// <summary>Ready means a silo answers and, through it, the database: one grain call proves both, made at most once per <see cref="RecentHealth.Freshness"/>.</summary>
public sealed class ClusterHealthCheck(IClusterClient grains) : IHealthCheck
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly RecentHealth recent = new(TimeProvider.System);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        recent.GetAsync(CheckClusterAsync);

    private async Task<HealthCheckResult> CheckClusterAsync()
    {
        try
        {
            return await grains.GetGrain<IHealthGrain>(0).DatabaseAnswers().WaitAsync(Patience)
                ? HealthCheckResult.Healthy("silo and database answer")
                : HealthCheckResult.Unhealthy("a silo answers, the database does not");
        }
        catch (Exception e) when (e is TimeoutException or OrleansException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("no silo answers");
        }
    }
}
