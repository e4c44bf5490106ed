using System.Collections.Concurrent;
using System.Diagnostics;
using Supervision.Contracts.Platforms;

namespace Supervision.WebFront.Auth;

/// <summary>
/// Each platform's current credential version, as its grain says, kept in memory while this front holds a credential
/// lease (<see cref="ICredentialWatchGrain"/>): a re-registration is heard here before the operator's request
/// answers, so a token issued before it is refused (1110) on the next request, for no grain call per request. Without
/// a live lease (the cluster unreachable, a renewal lost) nothing kept is trusted and each token's version is read
/// from its platform's grain. Versions only grow, so a token newer than the reading proves the reading stale and it
/// is read again at once: a fresh login is never refused.
/// </summary>
public sealed class CredentialVersions(IClusterClient grains) : ICredentialObserver
{
    private readonly ConcurrentDictionary<string, Reading> readings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> revoked = new(StringComparer.Ordinal);
    private readonly Lock lease = new();
    private long trustedSince = long.MaxValue;
    private long liveUntil = long.MinValue;

    public async ValueTask<int?> CurrentAsync(string platformCode, int seen)
    {
        var now = Stopwatch.GetTimestamp();
        if (!readings.TryGetValue(platformCode, out var reading) || !IsTrusted(reading, now, seen))
        {
            // Two requests may both read; the second reading simply replaces the first.
            reading = new Reading(grains.GetGrain<IPlatformGrain>(platformCode).CredentialVersion(), now);
            readings[platformCode] = reading;
        }

        var version = await reading.Version;

        // A revocation heard while the reading was on its way wins over it.
        return version is { } read && revoked.TryGetValue(platformCode, out var heard) && heard > read ? heard : version;
    }

    public Task Revoked(string platformCode, int version)
    {
        revoked.AddOrUpdate(platformCode, version, (_, known) => Math.Max(known, version));
        return Task.CompletedTask;
    }

    /// <summary>
    /// A renewal sent at <paramref name="sentAt"/> was confirmed. A lease that had lapsed starts again now: what was
    /// read before may have missed a revocation, so only readings taken from now on are trusted.
    /// </summary>
    public void LeaseRenewed(long sentAt)
    {
        lock (lease)
        {
            var now = Stopwatch.GetTimestamp();
            if (now >= liveUntil)
            {
                trustedSince = now;
            }

            liveUntil = sentAt + (long)(CredentialLease.Length.TotalSeconds * Stopwatch.Frequency);
        }
    }

    private bool IsTrusted(Reading reading, long now, int seen)
    {
        lock (lease)
        {
            if (now >= liveUntil || reading.ReadAt < trustedSince)
            {
                return false;
            }
        }

        return !reading.Version.IsFaulted
            && !reading.Version.IsCanceled
            && !(reading.Version.IsCompletedSuccessfully && reading.Version.Result < seen);
    }

    private sealed record Reading(Task<int?> Version, long ReadAt);
}
