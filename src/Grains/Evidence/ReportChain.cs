namespace Supervision.Grains.Evidence;

/// <summary>
/// Which chain a study_reports row is on: the chain its span's first session_start row names. A span begun before
/// the chain existed has an unchained session_start, yet its later reports are linked on the learner's chain, which
/// the student-class grain's kind and key name.
/// </summary>
public static class ReportChain
{
    /// <summary>SQL over an evidence_events row <c>e</c> of kind session_start.</summary>
    public const string OfSessionStart = "coalesce(e.chain, 'student_class:' || e.class_code || '/' || e.student_user_code)";
}
