using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Flags;

/// <summary>A system of two silos whose crowd sweep runs on its own every 5 minutes of the test clock, as in production.</summary>
public sealed class SweepingSystem : IAsyncLifetime
{
    public SupervisionCluster System { get; } = new()
    {
        SiloSettings = new() { ["Supervision:Crowds:Interval"] = "00:05:00" },
    };

    public Task InitializeAsync() => System.InitializeAsync();

    public Task DisposeAsync() => System.DisposeAsync();
}
