using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Supervision.Contracts;
using Supervision.Contracts.Crowds;

namespace Supervision.Grains.Crowds;

/// <summary>
/// Asks for a crowd sweep every <see cref="CrowdOptions.Interval"/> on the supervision clock, from every silo; the one
/// sweep grain skips a tick that another silo's already served.
/// </summary>
public sealed class CrowdWatch(
    IGrainFactory grains,
    [FromKeyedServices(ClockKey.Name)] TimeProvider time,
    IOptions<CrowdOptions> options,
    ILogger<CrowdWatch> logger) : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    // Flags are for review, not for the answer of any request: a failed sweep is tried again at the next tick, over the same minutes.
    private readonly PeriodicWork watching = new(time, logger, "Crowd sweep failed");

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(CrowdWatch), ServiceLifecycleStage.Active, StartAsync, watching.StopAsync);

    public void Dispose() => watching.Dispose();

    private Task StartAsync(CancellationToken cancellationToken)
    {
        var interval = options.Value.Interval;
        if (interval > TimeSpan.Zero)
        {
            watching.Start(interval, _ => grains.GetGrain<ICrowdWatchGrain>(0).SweepIfDue(interval));
        }

        return Task.CompletedTask;
    }
}
