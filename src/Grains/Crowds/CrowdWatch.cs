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
    private readonly CancellationTokenSource stopping = new();
    private Task watching = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(CrowdWatch), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    public void Dispose() => stopping.Dispose();

    private Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Interval > TimeSpan.Zero)
        {
            watching = WatchAsync(options.Value.Interval, stopping.Token);
        }

        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await watching.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task WatchAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await grains.GetGrain<ICrowdWatchGrain>(0).SweepIfDue(interval);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Flags are for review, not for the answer of any request: the next tick sweeps the same minutes again.
                    logger.LogError(e, "Crowd sweep failed; trying again in {Interval}", interval);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
