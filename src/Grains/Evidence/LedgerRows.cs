namespace Supervision.Grains.Evidence;

/// <summary>Rows one change adds to one table of its grain's side, committed with the change or not at all.</summary>
public sealed record LedgerRows(ILedgerTable Table, IReadOnlyList<object> Rows);
