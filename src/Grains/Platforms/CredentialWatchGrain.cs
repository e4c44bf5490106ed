using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Supervision.Contracts.Platforms;

namespace Supervision.Grains.Platforms;

/// <summary>
/// The fronts on a credential lease (<see cref="ICredentialWatchGrain"/>), in memory: a front renews every few seconds,
/// so a new activation (after its silo was lost) knows every live front within one lease, and until then a revocation
/// waits for the leases granted by the lost activation to lapse. Reentrant, so renewals go on while a revocation waits.
/// </summary>
[Reentrant]
public sealed class CredentialWatchGrain(ILogger<CredentialWatchGrain> logger) : Grain, ICredentialWatchGrain
{
    private readonly Dictionary<ICredentialObserver, long> renewedAt = [];
    private readonly long activatedAt = Stopwatch.GetTimestamp();

    public Task Subscribe(ICredentialObserver front)
    {
        renewedAt[front] = Stopwatch.GetTimestamp();
        return Task.CompletedTask;
    }

    public async Task Revoke(string platformCode, int version)
    {
        // A front subscribed to an earlier activation trusts what it keeps until its lease lapses; by then it has
        // renewed here (and is told below) or stopped trusting.
        await WaitUntilLapsedAsync(activatedAt);
        foreach (var lapsed in renewedAt.Where(f => Stopwatch.GetElapsedTime(f.Value) >= CredentialLease.Length).Select(f => f.Key).ToList())
        {
            renewedAt.Remove(lapsed);
        }

        var fronts = renewedAt.ToList();
        var unheard = await Task.WhenAll(fronts.Select(async front =>
        {
            try
            {
                await front.Key.Revoked(platformCode, version).WaitAsync(CredentialLease.NotifyTimeout);
                return (long?)null;
            }
            catch (Exception e) when (e is TimeoutException or OrleansException or OperationCanceledException)
            {
                logger.LogWarning("A front did not hear a revocation of {Platform}'s tokens; waiting for its lease to lapse: {Reason}", platformCode, e.Message);
                return front.Value;
            }
        }));

        var silent = unheard.OfType<long>().ToList();
        if (silent.Count > 0)
        {
            await WaitUntilLapsedAsync(silent.Max());
        }
    }

    private static async Task WaitUntilLapsedAsync(long since)
    {
        var left = CredentialLease.Length - Stopwatch.GetElapsedTime(since);
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left);
        }
    }
}
