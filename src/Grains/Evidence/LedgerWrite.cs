namespace Supervision.Grains.Evidence;

/// <summary>Everything one request changed: committed together, or not at all.</summary>
public sealed record LedgerWrite(StateSnapshot? State, IReadOnlyList<EvidenceEvent> Events, IReadOnlyList<AnomalyRecord> Anomalies)
{
    public IReadOnlyList<ReportRow> Reports { get; init; } = [];

    public IReadOnlyList<StudyActivity> Activity { get; init; } = [];

    /// <summary>The grain's evidence chain head once this write's records are linked on.</summary>
    public ChainHead Chain { get; init; } = ChainHead.Empty;

    /// <summary>Each record's place on the chain, beside the rows; none for a write outside any chain.</summary>
    public ChainLinks? Links { get; init; }
}
