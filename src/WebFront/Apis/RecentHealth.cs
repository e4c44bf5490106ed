using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Supervision.WebFront.Apis;

/// <summary>
/// The cluster's health as last checked, reused for <see cref="Freshness"/>: /health and /health/ready are open to
/// anyone, and a flood of them must not become a flood of grain calls and queries. Callers that arrive while a check
/// runs wait for that one.
/// </summary>
public sealed class RecentHealth(TimeProvider time)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);

    private readonly Lock gate = new();
    private Task<HealthCheckResult>? last;
    private DateTimeOffset lastStarted;

    public Task<HealthCheckResult> GetAsync(Func<Task<HealthCheckResult>> check)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (last is null || (last.IsCompleted && now - lastStarted >= Freshness))
            {
                last = check();
                lastStarted = now;
            }

            return last;
        }
    }
}
