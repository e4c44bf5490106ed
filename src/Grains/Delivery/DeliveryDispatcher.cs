using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Supervision.Contracts;
using Supervision.Contracts.Delivery;

namespace Supervision.Grains.Delivery;

/// <summary>
/// Runs on every silo once it is active: claims due deliveries (calls to learning platforms, messages to grains)
/// under a lease, attempts them, and records each outcome. Nothing is held in memory that a restart would lose: the table is the queue.
/// </summary>
public sealed class DeliveryDispatcher(
    DeliveryOutbox outbox,
    ClassPushDelivery push,
    CataloguePullDelivery pull,
    GrainMessages messages,
    PullSchedule schedule,
    DeliveryMetrics metrics,
    IOptions<DeliveryOptions> options,
    [FromKeyedServices(ClockKey.Name)] TimeProvider time,
    ILocalSiloDetails silo,
    ILogger<DeliveryDispatcher> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly CancellationTokenSource stopping = new();
    private string owner = "";
    private Task loop = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(DeliveryDispatcher), ServiceLifecycleStage.Active, Start, Stop);

    private Task Start(CancellationToken cancellationToken)
    {
        owner = $"{silo.SiloAddress}/{Guid.NewGuid():N}";
        loop = Task.Run(RunAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task Stop(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task RunAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            var claimedFullBatch = false;
            try
            {
                await schedule.QueueDueAsync();
                var claimed = await outbox.ClaimAsync(owner, time.GetUtcNow(), options.Value.Lease, options.Value.BatchSize);
                await Task.WhenAll(claimed.Select(AttemptAsync));
                claimedFullBatch = claimed.Count == options.Value.BatchSize;
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                logger.LogWarning(e, "Looking for due deliveries failed; trying again in {Interval}", options.Value.PollInterval);
            }

            if (!claimedFullBatch)
            {
                try
                {
                    await outbox.WaitForWorkAsync(options.Value.PollInterval, stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task AttemptAsync(ClaimedDelivery delivery)
    {
        // Monotonic real time, not the supervision clock that tests move: the attempt's own cost, without the outbox write.
        var started = Stopwatch.GetTimestamp();
        try
        {
            var outcome = delivery.Kind switch
            {
                DeliveryKind.Push => await push.DeliverAsync(delivery, stopping.Token),
                DeliveryKind.Pull => await pull.DeliverAsync(delivery, stopping.Token),
                _ => await messages.DeliverAsync(delivery),
            };
            var took = Stopwatch.GetElapsedTime(started);
            await RecordAsync(delivery, outcome);
            metrics.Ended(delivery, outcome, took);
        }
        catch (Exception) when (stopping.IsCancellationRequested)
        {
            // The silo is stopping: give the claim back untried so another silo (or this one, restarted) takes it now.
            await outbox.ReleaseAsync(delivery.Id, owner);
        }
        catch (Exception e)
        {
            var reason = e is DeliveryFailure ? e.Message : $"{e.GetType().Name}: {PersonalData.Masked(e.Message)}";
            var next = time.GetUtcNow() + RetrySchedule.After(delivery.Attempts + 1, options.Value, Random.Shared);
            var took = Stopwatch.GetElapsedTime(started);
            await outbox.FailAsync(delivery.Id, owner, reason, next);
            metrics.Failed(delivery, took);
            logger.LogWarning("Delivery {Id} ({Kind} to {Platform}, class {Class}) failed attempt {Attempt} of {Limit}: {Reason}",
                delivery.Id, delivery.Kind, delivery.PlatformCode, delivery.ClassCode, delivery.Attempts + 1, delivery.AttemptLimit, reason);
        }
    }

    private Task RecordAsync(ClaimedDelivery delivery, AttemptOutcome outcome) => outcome switch
    {
        AttemptOutcome.Discarded => outbox.DiscardAsync(delivery.Id, owner),
        AttemptOutcome.Superseded => outbox.CompleteAsync(delivery.Id, owner, time.GetUtcNow(), "superseded by a newer version of the class, which is sent instead"),
        _ => outbox.CompleteAsync(delivery.Id, owner, time.GetUtcNow()),
    };
}
