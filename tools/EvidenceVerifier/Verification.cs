namespace Supervision.EvidenceVerifier;

/// <summary>What verifying a bundle found: its problems in the order met (the first names the first bad record) and its counts.</summary>
public sealed class Verification
{
    public List<string> Problems { get; } = [];

    public List<string> Notes { get; } = [];

    /// <summary>The fingerprints of the keys that signed the bundle's seals.</summary>
    public SortedSet<string> Keys { get; } = new(StringComparer.Ordinal);

    public bool Passed => Problems.Count == 0;

    public void Fail(string problem) => Problems.Add(problem);
}
