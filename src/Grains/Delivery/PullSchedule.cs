using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Supervision.Contracts;
using Supervision.Contracts.Platforms;

namespace Supervision.Grains.Delivery;

/// <summary>
/// Queues a pull of every learning platform's catalogue once per <see cref="DeliveryOptions.PullInterval"/>.
/// Each silo runs it; the dedup key names the interval, so however many silos see a new interval, one pull is queued.
/// </summary>
public sealed class PullSchedule(
    IGrainFactory grains,
    DeliveryOutbox outbox,
    IOptions<DeliveryOptions> options,
    [FromKeyedServices(ClockKey.Name)] TimeProvider time)
{
    private long queuedSlot = -1;

    public async Task QueueDueAsync()
    {
        if (options.Value.PullInterval is not { } interval || interval <= TimeSpan.Zero)
        {
            return;
        }

        var now = time.GetUtcNow();
        var slot = now.ToUnixTimeMilliseconds() / (long)interval.TotalMilliseconds;
        if (slot == queuedSlot)
        {
            return;
        }

        foreach (var code in await grains.GetGrain<IPlatformDirectoryGrain>(0).ListCodes())
        {
            if (await grains.GetGrain<IPlatformGrain>(code).Endpoint() is { Role: PlatformRole.Learning, ApiBaseUrl: not null })
            {
                await outbox.EnqueuePullAsync(code, $"pull:{code}:every-{(long)interval.TotalSeconds}s:{slot}", now, options.Value.AttemptLimit);
            }
        }

        queuedSlot = slot;
    }
}
