namespace Supervision.Database.Partitions;

/// <summary>
/// The tables partitioned by China month on their <c>at</c> column (<see cref="EvidenceMonth"/>). The one list: the
/// silo creates months ahead for each of them and the archive command archives, verifies and restores each of them,
/// so a table added here is maintained from then on. Its migration must create it PARTITION BY RANGE (at), with a
/// DEFAULT partition named <c>{table}_default</c>.
/// </summary>
public static class PartitionedTables
{
    public static IReadOnlyList<string> All { get; } = ["evidence_events", "anomalies", "study_reports"];

    /// <summary>Answers <paramref name="table"/> if it is one of <see cref="All"/>: only those names are ever spliced into SQL.</summary>
    public static string Require(string table) =>
        All.Contains(table, StringComparer.Ordinal)
            ? table
            : throw new ArgumentException($"'{table}' is not a partitioned table; those are {string.Join(", ", All)}.", nameof(table));

    /// <summary>The partition that catches rows of a month that has no partition of its own.</summary>
    public static string DefaultPartitionOf(string table) => Require(table) + "_default";
}
