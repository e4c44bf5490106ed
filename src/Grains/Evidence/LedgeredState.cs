using Orleans.Serialization;
using Orleans.Serialization.Cloning;
using Supervision.EvidenceChain;

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
    /// <summary>
    /// At most this many changes kept in rows alone between two snapshots: an activation replays no more than
    /// these, and a report's share of a snapshot's bytes stays small.
    /// </summary>
    public const int MaxChangesBetweenSnapshots = 32;

    private long snapshotVersion;

    public T Current { get; private set; } = new();

    /// <summary>Whether anything was ever committed for this grain.</summary>
    public bool RecordExists => Version > 0;

    /// <summary>The version of the last change committed: the snapshot's, or that of a row replayed after it.</summary>
    public long Version { get; private set; }

    /// <summary>The head of the evidence chain this grain's records are linked on, as of <see cref="Version"/>.</summary>
    public ChainHead Chain { get; private set; } = ChainHead.Empty;

    public async Task LoadAsync()
    {
        if (await stored.LoadAsync(kind, key) is { } row)
        {
            Current = serializer.Deserialize(row.Payload) ?? new T();
            Version = snapshotVersion = row.Version;
        }
    }

    /// <summary>The report rows of a span committed after the snapshot: the changes kept in rows alone, to replay on activation.</summary>
    public Task<IReadOnlyList<ReportRow>> ReportsAfterSnapshotAsync(Guid sessionId) => stored.ReportsAfterAsync(sessionId, Version);

    /// <summary>On activation, a change kept in rows alone (<see cref="StateChange{T}.InRowsOnly"/>) was replayed onto <see cref="Current"/>.</summary>
    public void Replayed(long version) => Version = version;

    public StateChange<T> Change(DateTimeOffset now) => new(Copy(), now);

    /// <summary>A copy of the state to draft a change on.</summary>
    public T Copy() => copier.Copy(Current);

    public async Task CommitAsync(StateChange<T> change)
    {
        var version = Version + 1;
        var rows = change.Reports.ConvertAll(r => r with { Version = version });
        var snapshot = change.InRowsOnly && version - snapshotVersion <= MaxChangesBetweenSnapshots
            ? null
            : new StateSnapshot(kind, key, version, serializer.SerializeToArray(change.Draft), change.Now);
        var (write, head) = EvidenceChainer.Link(ChainHash.ChainName(kind, key), Chain,
            new LedgerWrite(snapshot, change.Events, change.Anomalies) { Reports = rows, Activity = change.Activity });
        await ledger.CommitAsync(write);
        Version = version;
        Chain = head;
        snapshotVersion = snapshot?.Version ?? snapshotVersion;
        Current = change.Draft;
    }
}
