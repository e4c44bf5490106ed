namespace Supervision.Tests.Infrastructure;

/// <summary>
/// Two clusters of one silo each on one database and one clock: to the database, what a silo cut off from its
/// cluster looks like while the rest of the cluster carries on, each side holding the grains it believes it owns.
/// </summary>
public sealed class SplitClusters : IAsyncLifetime
{
    public SupervisionCluster A { get; } = new() { Silos = 1 };

    public SupervisionCluster B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await A.InitializeAsync();
        B = new SupervisionCluster { Silos = 1, Beside = A };
        await B.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
    }
}
