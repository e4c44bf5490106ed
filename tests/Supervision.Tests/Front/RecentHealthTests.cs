using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using Supervision.WebFront.Apis;

namespace Supervision.Tests.Front;

/// <summary>Anyone may ask /health as often as they like; the cluster is asked at most once a second.</summary>
public sealed class RecentHealthTests
{
    [Fact]
    public async Task A_flood_of_health_requests_makes_one_check_and_the_next_second_makes_another()
    {
        var clock = new FakeTimeProvider();
        var recent = new RecentHealth(clock);
        var checks = 0;
        var answer = new TaskCompletionSource<HealthCheckResult>();
        Task<HealthCheckResult> Check()
        {
            Interlocked.Increment(ref checks);
            return answer.Task;
        }

        var flood = Enumerable.Range(0, 1000).Select(_ => recent.GetAsync(Check)).ToList();
        answer.SetResult(HealthCheckResult.Healthy("silo and database answer"));
        await Task.WhenAll(flood);
        await recent.GetAsync(Check);
        Assert.Equal(1, checks);

        clock.Advance(RecentHealth.Freshness);
        await recent.GetAsync(Check);
        Assert.Equal(2, checks);
    }

    [Fact]
    public async Task A_check_still_running_after_a_second_is_waited_for_not_repeated()
    {
        var clock = new FakeTimeProvider();
        var recent = new RecentHealth(clock);
        var checks = 0;
        var slow = new TaskCompletionSource<HealthCheckResult>();
        Task<HealthCheckResult> Check()
        {
            Interlocked.Increment(ref checks);
            return slow.Task;
        }

        var first = recent.GetAsync(Check);
        clock.Advance(TimeSpan.FromSeconds(3));
        var second = recent.GetAsync(Check);
        slow.SetResult(HealthCheckResult.Unhealthy("no silo answers"));

        Assert.Same(first, second);
        Assert.Equal(HealthStatus.Unhealthy, (await second).Status);
        Assert.Equal(1, checks);
    }
}
