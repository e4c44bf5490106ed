namespace Supervision.Grains.Evidence;

/// <summary>
/// Everything one request changed: committed together, or not at all, and only while the grain's committed version
/// is still the one the change was drafted on (<see cref="VersionStep"/>). <see cref="Snapshot"/> is the serialized
/// state, or null for a change kept in rows alone (<see cref="StateChange{T}.InRowsOnly"/>).
/// </summary>
public sealed record LedgerWrite(VersionStep Step, byte[]? Snapshot, IReadOnlyList<EvidenceEvent> Events, IReadOnlyList<AnomalyRecord> Anomalies)
{
    public IReadOnlyList<ReportRow> Reports { get; init; } = [];

    public IReadOnlyList<StudyActivity> Activity { get; init; } = [];

    /// <summary>The grain's evidence chain head once this write's records are linked on.</summary>
    public ChainHead Chain { get; init; } = ChainHead.Empty;
}
