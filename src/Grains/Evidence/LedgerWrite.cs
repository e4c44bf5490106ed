namespace Supervision.Grains.Evidence;

/// <summary>
/// Everything one request changed: committed together, or not at all, and only while the grain's committed version
/// is still the one the change was drafted on (<see cref="VersionStep"/>). <see cref="Snapshot"/> is the serialized
/// state, or null for a change kept in rows alone (<see cref="StateChange{T}.InRowsOnly"/>).
/// </summary>
public sealed record LedgerWrite(VersionStep Step, byte[]? Snapshot, IReadOnlyList<EvidenceEvent> Events, IReadOnlyList<AnomalyRecord> Anomalies)
{
    /// <summary>Rows for tables of the grain's own side, written by each table's writer in the same transaction.</summary>
    public IReadOnlyList<LedgerRows> Rows { get; init; } = [];

    /// <summary>The grain's evidence chain head once this write's records are linked on.</summary>
    public ChainHead Chain { get; init; } = ChainHead.Empty;

    /// <summary>Each record's place on the chain, beside the rows; none for a write outside any chain.</summary>
    public ChainLinks? Links { get; init; }
}
