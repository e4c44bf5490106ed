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

    /// <summary>
    /// The draft differs from the state only by what the change's rows (<see cref="RowsAt"/>) hold, so replaying them
    /// restores it: the commit may write the rows without a snapshot of the state.
    /// </summary>
    public bool InRowsOnly { get; set; }

    /// <summary>Rows for tables of the grain's own side (<see cref="ILedgerTable"/>), committed with the change.</summary>
    public List<LedgerRows> Rows { get; } = [];

    /// <summary>
    /// The rows the change adds to tables of the grain's own side, as committed at <paramref name="version"/>: the hook
    /// through which a grain writes its own tables in its ledger write. <see cref="Rows"/>, unless a change's rows
    /// carry the version they make.
    /// </summary>
    public virtual IReadOnlyList<LedgerRows> RowsAt(long version) => Rows;
}
