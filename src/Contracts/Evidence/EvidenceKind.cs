namespace Supervision.Contracts.Evidence;

/// <summary>The kinds of row in the evidence ledger (evidence_events.kind). Stable once published.</summary>
public static class EvidenceKind
{
    /// <summary>
    /// A 1.10 studyHour report, with its raw fields and the seconds it earned: a row of study_reports (the
    /// report_evidence view), and in evidence_events for reports made before those rows existed.
    /// </summary>
    public const string Report = "report";

    /// <summary>A 1.3 startStudy: a new span of study, or one continued on the same video.</summary>
    public const string SessionStart = "session_start";

    /// <summary>A 1.4 endStudy: the study is paused; a later report, 1.5 or 1.7 on the same video resumes it.</summary>
    public const string SessionPause = "session_pause";

    /// <summary>The first report, 1.5 or 1.7 after a pause.</summary>
    public const string SessionResume = "session_resume";

    /// <summary>A span closed for good: a start on another video, or the person's study moved to another class.</summary>
    public const string SessionEnd = "session_end";

    public const string Recording = "recording";

    public const string CheckIssued = "check_issued";

    public const string CheckAttempt = "check_attempt";

    public const string CheckPassed = "check_passed";

    public const string RealName = "real_name";

    public const string PhotoChange = "photo_change";

    /// <summary>A class roster (2.4) tied a student code already on the class to another ID number.</summary>
    public const string RosterIdentityChange = "roster_identity_change";

    /// <summary>A student code's study started over for the other person a roster now ties it to; the earlier person's credit stays theirs.</summary>
    public const string IdentityChange = "identity_change";

    /// <summary>A report came from another device than the span's last startStudy: its headers, since its row in study_reports has none.</summary>
    public const string ReportDevice = "report_device";

    /// <summary>An operator approved a class, or approved it again (a push follows): who, from where.</summary>
    public const string ClassApproval = "class_approval";

    /// <summary>
    /// A class's policy changed or was proposed: set by an operator (who, from where), or re-pushed by its business
    /// platform and applied (at least as strong) or held for the operator (weaker, with the fields it weakens).
    /// </summary>
    public const string ClassPolicy = "class_policy";

    /// <summary>An operator sent a dead delivery (1.12 push, 1.14 pull) back to be tried again: who, from where.</summary>
    public const string DeliveryRetry = "delivery_retry";

    /// <summary>A reviewer's decision on a borderline face-check photo: who, when, the score and the machine's answer.</summary>
    public const string FaceReview = "face_review";

    /// <summary>Credit taken back from a video: what a face check's pass let it earn, the check's photo found to be another person's.</summary>
    public const string CreditVoided = "credit_voided";

    /// <summary>An operator's void or clear of a flag (a crowd or bot anomaly under review): who, from where, the seconds voided.</summary>
    public const string FlagDecision = "flag_decision";

    /// <summary>An operator account created or changed (role, password, disabled): who, from where, before and after; a password only as "changed".</summary>
    public const string OperatorAccount = "operator_account";

    /// <summary>A platform registered or re-registered by an operator: who, from where, its record before and after; secrets only as "changed".</summary>
    public const string PlatformRegistration = "platform_registration";

    /// <summary>An operator asked for a learning platform's catalogue (1.14) now: who, from where, the delivery queued.</summary>
    public const string CataloguePull = "catalogue_pull";

    /// <summary>The kinds that show the checks of a student (the operator's view).</summary>
    public static readonly IReadOnlyList<string> Checks = [CheckIssued, CheckAttempt, CheckPassed];
}
