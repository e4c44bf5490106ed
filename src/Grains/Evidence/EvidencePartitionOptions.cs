namespace Supervision.Grains.Evidence;

/// <summary>Settings of the evidence partitions (configuration section "Supervision:Evidence").</summary>
public sealed class EvidencePartitionOptions
{
    public const string Section = "Supervision:Evidence";

    /// <summary>
    /// How many months after the current one have their partitions made ahead. More than one, so that a silo fleet
    /// stopped for weeks around a month's turn still finds its month ready; rows of a month without a partition would
    /// land in the default partition until the next silo start moves them.
    /// </summary>
    public int PartitionMonthsAhead { get; set; } = 3;

    public bool IsValid => PartitionMonthsAhead is >= 1 and <= 24;
}
