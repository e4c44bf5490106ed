using Supervision.EvidenceChain;

namespace Supervision.Grains.Evidence;

/// <summary>
/// A row of a grain side's own table (<see cref="LedgerRows"/>) that is evidence: linked onto the grain's chain after
/// the write's events and anomalies, in the order the change added it, so the generic write path chains rows it
/// knows nothing else about.
/// </summary>
public interface IChainedRow
{
    /// <summary>
    /// Writes the bytes the chain hashes for this row at position <paramref name="seq"/> (docs/evidence-export.md), its
    /// time truncated to the microsecond as the database keeps it; into a writer the chain reuses, not a new array.
    /// </summary>
    void WriteCanonical(CanonicalJsonWriter writer, long seq);

    /// <summary>The row as its table writes it: its time truncated to the microsecond, carrying its place on the chain.</summary>
    IChainedRow Linked(ChainHead link);
}
