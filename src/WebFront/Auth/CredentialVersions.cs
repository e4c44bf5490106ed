using System.Collections.Concurrent;
using Supervision.Contracts;
using Supervision.Contracts.Platforms;

namespace Supervision.WebFront.Auth;

/// <summary>
/// Each platform's current credential version as its grain says, kept for <see cref="FrontOptions.TokenRevocationDelay"/>:
/// a token issued before the operator re-registered its platform is refused within that bound, for one grain call
/// per platform per front per bound instead of one per request. Versions only grow, so a token newer than the
/// reading proves the reading stale and it is read again at once: a fresh login is never refused.
/// </summary>
public sealed class CredentialVersions(IClusterClient grains, FrontOptions options, [FromKeyedServices(ClockKey.Name)] TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Reading> readings = new(StringComparer.Ordinal);

    public async ValueTask<int?> CurrentAsync(string platformCode, int seen)
    {
        var now = time.GetUtcNow();
        if (!readings.TryGetValue(platformCode, out var reading) || IsStale(reading, now, seen))
        {
            // Two requests may both read at expiry; the second reading simply replaces the first.
            reading = new Reading(grains.GetGrain<IPlatformGrain>(platformCode).CredentialVersion(), now);
            readings[platformCode] = reading;
        }

        return await reading.Version;
    }

    private bool IsStale(Reading reading, DateTimeOffset now, int seen) =>
        now - reading.ReadAt >= options.TokenRevocationDelay
        || reading.Version.IsFaulted
        || reading.Version.IsCanceled
        || (reading.Version.IsCompletedSuccessfully && reading.Version.Result < seen);

    private sealed record Reading(Task<int?> Version, DateTimeOffset ReadAt);
}
