using Orleans.Serialization;
using Orleans.Serialization.Cloning;
using Supervision.Contracts;
using Supervision.EvidenceChain;

namespace Supervision.Grains.Evidence;

/// <summary>
/// The state of a grain that records evidence. It changes only through a <see cref="StateChange{T}"/>: a copy of
/// the state is changed, then committed by the <see cref="EvidenceLedger"/> with the evidence it caused in one
/// group-committed transaction, and only then replaces the state. A failed commit leaves nothing half-applied,
/// in memory or in the database.
/// </summary>
public sealed class LedgeredState<T>(string kind, string key, GrainStates stored, EvidenceLedger ledger, Serializer<T> serializer, DeepCopier<T> copier)
    : ICommitFollower
    where T : class, new()
{
    /// <summary>
    /// At most this many changes kept in rows alone between two snapshots: an activation replays no more than
    /// these, and a report's share of a snapshot's bytes stays small.
    /// </summary>
    public const int MaxChangesBetweenSnapshots = 32;

    private readonly string chainName = ChainHash.ChainName(kind, key);

    public T Current { get; private set; } = new();

    /// <summary>Whether anything was ever committed for this grain.</summary>
    public bool RecordExists => Version > 0;

    /// <summary>The grain's committed version (grain_versions): the one the next change is drafted on.</summary>
    public long Version { get; private set; }

    /// <summary>
    /// The version the loaded snapshot was taken at: the changes after it up to <see cref="Version"/> were kept in rows
    /// alone (<see cref="StateChange{T}.InRowsOnly"/>), for the grain to replay onto <see cref="Current"/> on activation.
    /// </summary>
    public long SnapshotVersion { get; private set; }

    /// <summary>The head of the evidence chain this grain's records are linked on, as of <see cref="Version"/>.</summary>
    public ChainHead Chain { get; private set; } = ChainHead.Empty;

    public async Task LoadAsync()
    {
        if (await stored.LoadAsync(kind, key) is { } grain)
        {
            Current = (grain.Snapshot is null ? null : serializer.Deserialize(grain.Snapshot)) ?? new T();
            SnapshotVersion = grain.SnapshotVersion;
            Version = grain.Version;
            Chain = grain.Chain;
        }
    }

    public StateChange<T> Change(DateTimeOffset now) => new(Copy(), now);

    /// <summary>A copy of the state to draft a change on.</summary>
    public T Copy() => copier.Copy(Current);

    /// <summary>
    /// Commits the change as the version after <see cref="Version"/>; the state takes the draft as the await reads the
    /// commit (<see cref="ICommitFollower"/>), so await it once, in the grain's turn. Throws
    /// <see cref="VersionConflictException"/> if another activation of this grain committed that version first: nothing
    /// of the change is recorded, and this activation, now stale, must not write again (the grain call filter
    /// deactivates it).
    /// </summary>
    public ValueTask CommitAsync(StateChange<T> change)
    {
        var version = Version + 1;
        var snapshot = change.InRowsOnly && version - SnapshotVersion <= MaxChangesBetweenSnapshots
            ? null
            : serializer.SerializeToArray(change.Draft);
        var write = EvidenceChainer.Link(chainName, Chain,
            new LedgerWrite(new VersionStep(kind, key, Version, version, change.Now), snapshot, change.Events, change.Anomalies) { Rows = change.RowsAt(version) });
        return ledger.CommitAsync(write, this, change.Draft);
    }

    void ICommitFollower.Committed(LedgerWrite write, object draft)
    {
        Version = write.Step.Version;
        Chain = write.Chain;
        SnapshotVersion = write.Snapshot is null ? SnapshotVersion : Version;
        Current = (T)draft;
    }
}
