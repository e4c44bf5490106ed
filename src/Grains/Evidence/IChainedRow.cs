namespace Supervision.Grains.Evidence;

/// <summary>
/// A row of a grain side's own table (<see cref="LedgerRows"/>) that is evidence: linked onto the grain's chain after
/// the write's events and anomalies, in the order the change added it, so the generic write path chains rows it
/// knows nothing else about.
/// </summary>
public interface IChainedRow
{
    /// <summary>The row as the database keeps it: its time truncated to the microsecond.</summary>
    IChainedRow Truncated();

    /// <summary>The bytes the chain hashes for this row at position <paramref name="seq"/> (docs/evidence-export.md).</summary>
    byte[] CanonicalBytes(long seq);

    /// <summary>The row carrying its place on the chain, for its table to write.</summary>
    IChainedRow WithLink(ChainHead link);
}
