using Orleans.Serialization;
using Orleans.Serialization.Cloning;

namespace Supervision.Grains.Evidence;

/// <summary>
/// The state of a grain that records evidence. It changes only through a <see cref="StateChange{T}"/>: a copy of
/// the state is changed, then committed by the <see cref="EvidenceLedger"/> with the evidence it caused in one
/// group-committed transaction, and only then replaces the state. A failed commit leaves nothing half-applied,
/// in memory or in the database.
/// </summary>
public sealed class LedgeredState<T>(string kind, string key, GrainStates stored, EvidenceLedger ledger, Serializer<T> serializer, DeepCopier<T> copier)
    where T : class, new()
{
    public T Current { get; private set; } = new();

    /// <summary>Whether anything was ever committed for this grain.</summary>
    public bool RecordExists => Version > 0;

    private long Version { get; set; }

    public async Task LoadAsync()
    {
        if (await stored.LoadAsync(kind, key) is { } row)
        {
            Current = serializer.Deserialize(row.Payload) ?? new T();
            Version = row.Version;
        }
    }

    public StateChange<T> Change(DateTimeOffset now) => new(Copy(), now);

    /// <summary>A copy of the state to draft a change on.</summary>
    public T Copy() => copier.Copy(Current);

    public async Task CommitAsync(StateChange<T> change)
    {
        var snapshot = new StateSnapshot(kind, key, Version + 1, serializer.SerializeToArray(change.Draft), change.Now);
        await ledger.CommitAsync(new LedgerWrite(snapshot, change.Events, change.Anomalies));
        Version = snapshot.Version;
        Current = change.Draft;
    }
}
