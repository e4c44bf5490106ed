using System.Collections.Immutable;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Supervision.Grains;

namespace Supervision.Tests.Cluster;

/// <summary>
/// A silo's cache of grain addresses holds only what its own directory does not: a single silo, which owns the whole
/// directory, caches none of its own grains; a silo of a cluster caches them as Orleans does; and a grain that leaves
/// this silo takes its address with it, but not its next address on another silo.
/// </summary>
public sealed class ForgetfulDirectoryCacheTests
{
    private static readonly SiloAddress Here = SiloAddress.New(IPAddress.Loopback, 11111, 1);
    private static readonly SiloAddress Other = SiloAddress.New(IPAddress.Loopback, 11112, 1);

    [Fact]
    public void A_single_silo_caches_no_address_of_its_own_grains()
    {
        var cache = CacheOn(Members((Here, SiloStatus.Active), (Other, SiloStatus.Dead)));
        var grain = AddressOf("alone", Here);

        cache.AddOrUpdate(grain, 1);

        Assert.False(cache.LookUp(grain.GrainId, out _, out _));
    }

    [Fact]
    public void A_silo_beside_another_caches_its_own_grains_and_the_other_ones()
    {
        var cache = CacheOn(Members((Here, SiloStatus.Active), (Other, SiloStatus.Active)));
        var mine = AddressOf("mine", Here);
        var theirs = AddressOf("theirs", Other);

        cache.AddOrUpdate(mine, 1);
        cache.AddOrUpdate(theirs, 1);

        Assert.True(cache.LookUp(mine.GrainId, out var found, out _));
        Assert.Equal(Here, found.SiloAddress);
        Assert.True(cache.LookUp(theirs.GrainId, out found, out _));
        Assert.Equal(Other, found.SiloAddress);
    }

    [Fact]
    public void A_grain_that_leaves_this_silo_is_forgotten_and_its_next_home_is_not()
    {
        var cache = CacheOn(Members((Here, SiloStatus.Active), (Other, SiloStatus.Active)));
        var leaving = AddressOf("person", Here);
        cache.AddOrUpdate(leaving, 1);

        cache.Forget(leaving);

        Assert.False(cache.LookUp(leaving.GrainId, out _, out _));
        var moved = new GrainAddress { GrainId = leaving.GrainId, SiloAddress = Other, ActivationId = ActivationId.NewId() };
        cache.AddOrUpdate(moved, 2);
        cache.Forget(leaving);
        Assert.True(cache.LookUp(leaving.GrainId, out var found, out _));
        Assert.Equal(Other, found.SiloAddress);
    }

    private static GrainAddress AddressOf(string key, SiloAddress silo) =>
        new() { GrainId = GrainId.Create("person", key), SiloAddress = silo, ActivationId = ActivationId.NewId() };

    private static ClusterMembershipSnapshot Members(params (SiloAddress Silo, SiloStatus Status)[] members) =>
        new(members.ToImmutableDictionary(m => m.Silo, m => new ClusterMember(m.Silo, m.Status, m.Silo.ToString())), new MembershipVersion(1));

    private static ForgetfulDirectoryCache CacheOn(ClusterMembershipSnapshot members)
    {
        var services = new ServiceCollection()
            .AddSingleton<ILocalSiloDetails>(new SiloHere())
            .AddSingleton<IClusterMembershipService>(new FixedMembership(members))
            .BuildServiceProvider();
        return ForgetfulDirectoryCache.Over(services, new GrainDirectoryOptions());
    }

    private sealed class SiloHere : ILocalSiloDetails
    {
        public string Name => "here";
        public string ClusterId => "test";
        public string DnsHostName => "localhost";
        public SiloAddress SiloAddress => Here;
        public SiloAddress GatewayAddress => Here;
    }

    /// <summary>A cluster's membership that stays as the test set it.</summary>
    private sealed class FixedMembership(ClusterMembershipSnapshot snapshot) : IClusterMembershipService
    {
        public ClusterMembershipSnapshot CurrentSnapshot => snapshot;

        public IAsyncEnumerable<ClusterMembershipSnapshot> MembershipUpdates => AsyncEnumerable.Empty<ClusterMembershipSnapshot>();

        public ValueTask Refresh(MembershipVersion minimumVersion = default, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public Task<bool> TryKill(SiloAddress siloAddress) => Task.FromResult(false);
    }
}
