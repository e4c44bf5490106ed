namespace Supervision.Contracts.Evidence;

/// <summary>The sealed export of a class's evidence for an auditor (docs/evidence-export.md).</summary>
public interface IEvidenceExportGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// The bundle's lines, in order: every chain holding the class's records (others' records and those outside
    /// [from, to) elided to their position and hash), the class's unchained records, the seals with the class's
    /// proofs, their public keys, and a closing count.
    /// </summary>
    IAsyncEnumerable<string> Export(string classCode, DateTimeOffset? from, DateTimeOffset? to);
}
