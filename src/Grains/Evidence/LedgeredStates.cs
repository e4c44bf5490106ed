using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;

namespace Supervision.Grains.Evidence;

/// <summary>Gives each grain that records evidence its <see cref="LedgeredState{T}"/>.</summary>
public sealed class LedgeredStates(GrainStates stored, EvidenceLedger ledger, IServiceProvider services)
{
    public LedgeredState<T> For<T>(string kind, string key) where T : class, new() =>
        new(kind, key, stored, ledger, services.GetRequiredService<Serializer<T>>(), services.GetRequiredService<DeepCopier<T>>());
}
