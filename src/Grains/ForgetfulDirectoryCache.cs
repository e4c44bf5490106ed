using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Runtime.GrainDirectory;

namespace Supervision.Grains;

/// <summary>
/// Orleans' LRU cache of grain addresses, holding only what this silo's own directory does not: it forgets the
/// address of a grain that leaves this silo when the grain says so (<see cref="Forget"/>), and while this silo is
/// the cluster's only one it keeps no address of a grain here, which its directory answers already.
/// </summary>
/// <remarks>
/// Orleans removes a deactivated grain from its directory but leaves its address in this cache until it ages out
/// (<see cref="GrainDirectoryOptions.MaximumCacheTTL"/>, 4 minutes) or a message to it fails; and it caches every
/// grain activated here beside its directory entry. A person's grain leaves memory right after each start, so each
/// learner held two entries of about 240 B: its student-class's, a copy of the directory's in a single silo, and its
/// person's, stale. In a cluster an address here whose directory entry lives on another silo stays cached, or every
/// call to it would ask that silo first. An address forgotten or never cached costs a lookup in the directory, never
/// a wrong answer: Orleans reroutes a message sent to a gone activation.
/// </remarks>
public sealed class ForgetfulDirectoryCache(IGrainDirectoryCache lru, IServiceProvider services) : IGrainDirectoryCache, IAsyncDisposable
{
    private SiloAddress? here;
    private IClusterMembershipService? membership;

    /// <summary>Orleans' own LRU cache, sized and aged by <paramref name="options"/>, wrapped.</summary>
    public static ForgetfulDirectoryCache Over(IServiceProvider services, GrainDirectoryOptions options) =>
        new(GrainDirectoryCacheFactory.CreateGrainDirectoryCache(services, new GrainDirectoryOptions
        {
            CachingStrategy = GrainDirectoryOptions.CachingStrategyType.LRU,
            CacheSize = options.CacheSize,
            MaximumCacheTTL = options.MaximumCacheTTL,
        }), services);

    /// <summary>Called by a grain as it deactivates: its address on this silo is gone, so no caller should be sent there.</summary>
    public void Forget(GrainAddress departing) => lru.Remove(departing);

    public IEnumerable<(GrainAddress ActivationAddress, int Version)> KeyValues => lru.KeyValues;

    public void AddOrUpdate(GrainAddress value, int version)
    {
        if (!HeldByOwnDirectory(value))
        {
            lru.AddOrUpdate(value, version);
        }
    }

    public bool Remove(GrainId key) => lru.Remove(key);

    public bool Remove(GrainAddress key) => lru.Remove(key);

    public void Clear() => lru.Clear();

    public bool LookUp(GrainId key, [NotNullWhen(true)] out GrainAddress? result, out int version) => lru.LookUp(key, out result, out version);

    public ValueTask DisposeAsync() => lru is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;

    /// <summary>
    /// A grain on this silo while no other silo is alive: this silo owns the whole directory, which answers for it.
    /// The services are asked at the first address, not at construction: the directory builds this cache before
    /// membership exists.
    /// </summary>
    private bool HeldByOwnDirectory(GrainAddress address)
    {
        here ??= services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        if (!here.Equals(address.SiloAddress))
        {
            return false;
        }

        membership ??= services.GetRequiredService<IClusterMembershipService>();
        foreach (var member in membership.CurrentSnapshot.Members.Values)
        {
            if (member.Status is not (SiloStatus.Dead or SiloStatus.None) && !member.SiloAddress.Equals(here))
            {
                return false;
            }
        }

        return true;
    }
}
