namespace Supervision.Grains.Study;

/// <summary>Settings of the study rules (configuration section "Supervision:Study").</summary>
public sealed class StudyOptions
{
    public const string Section = "Supervision:Study";

    /// <summary>
    /// The most wall time a student's clock bank holds (SPEC rule 3): what one report may claim after a silence,
    /// and what a batch of reports sent after an outage may claim at once without losing a second.
    /// </summary>
    public TimeSpan BankCap { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The window in which <see cref="ChecksPerWindow"/> and <see cref="FaceChecksPerWindow"/> are counted.</summary>
    public TimeSpan CheckWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Checks of both kinds one learner in one class may be issued within <see cref="CheckWindow"/> (1310 past it).</summary>
    public int ChecksPerWindow { get; set; } = 40;

    /// <summary>Face checks among them: each may store up to three photos, so this bounds a learner's stored photos.</summary>
    public int FaceChecksPerWindow { get; set; } = 20;

    public int BankCapSeconds => (int)BankCap.TotalSeconds;
}
