namespace Supervision.Grains.Study;

/// <summary>What else a report did to the study's state, beside its numbers (study_reports.flags).</summary>
[Flags]
public enum ReportFlags : short
{
    None = 0,
    CheckFellDue = 1,
    Jumped = 2,
    OverdueRecorded = 4,
}
