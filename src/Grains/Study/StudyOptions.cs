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

    public int BankCapSeconds => (int)BankCap.TotalSeconds;
}
