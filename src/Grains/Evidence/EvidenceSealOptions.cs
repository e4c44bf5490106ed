namespace Supervision.Grains.Evidence;

/// <summary>Settings of the daily evidence seals (configuration section "Supervision:Evidence").</summary>
public sealed class EvidenceSealOptions
{
    public const string Section = "Supervision:Evidence";

    /// <summary>
    /// The PEM file of the seal key (SUPERVISION_SEAL_KEY): generated there when missing. Every silo of a cluster
    /// should read the same file; relative paths are from the silo's working folder.
    /// </summary>
    public string? SealKeyPath { get; set; }

    /// <summary>
    /// How long after a China day ends its seal is made: requests of the day still in flight at midnight are
    /// committed by then, so none of the day's records misses its seal.
    /// </summary>
    public TimeSpan SealGrace { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often a silo looks for days to seal.</summary>
    public TimeSpan SealInterval { get; set; } = TimeSpan.FromMinutes(10);

    public bool IsValid => SealGrace >= TimeSpan.Zero && SealGrace < TimeSpan.FromHours(12) && SealInterval > TimeSpan.Zero;
}
