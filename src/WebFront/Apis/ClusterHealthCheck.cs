using Microsoft.Extensions.Diagnostics.HealthChecks;
using Supervision.Contracts;

namespace Supervision.WebFront.Apis;

/// <summary>Ready means a silo answers and, through it, the database: one grain call proves both.</summary>
public sealed class ClusterHealthCheck(IClusterClient grains) : IHealthCheck
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await grains.GetGrain<IHealthGrain>(0).DatabaseAnswers().WaitAsync(Patience, cancellationToken)
                ? HealthCheckResult.Healthy("silo and database answer")
                : HealthCheckResult.Unhealthy("a silo answers, the database does not");
        }
        catch (Exception e) when (e is TimeoutException or OrleansException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("no silo answers");
        }
    }
}
