namespace Supervision.Grains.Evidence;

/// <summary>
/// A draft of a grain's state and the evidence the change causes. Nothing of it is visible until
/// <see cref="LedgeredState{T}.CommitAsync"/> has committed both in one transaction.
/// </summary>
public class StateChange<T>(T draft, DateTimeOffset now)
{
    public T Draft { get; } = draft;

    public DateTimeOffset Now { get; } = now;

    public List<EvidenceEvent> Events { get; } = [];

    public List<AnomalyRecord> Anomalies { get; } = [];

    public List<ReportRow> Reports { get; } = [];

    public List<StudyActivity> Activity { get; } = [];

    /// <summary>
    /// The draft differs from the state only by what <see cref="Reports"/> hold, so replaying them restores it:
    /// the commit may write the rows without a snapshot of the state.
    /// </summary>
    public bool InRowsOnly { get; set; }
}
