namespace Supervision.Grains.Evidence;

/// <summary>
/// A grain as committed: its version and chain head (grain_versions), and its last snapshot (grain_state) with the
/// version the snapshot was taken at; the changes between the two were kept in rows alone.
/// </summary>
public sealed record StoredGrain(long Version, ChainHead Chain, long SnapshotVersion, byte[]? Snapshot);
