namespace Supervision.Contracts.Evidence;

/// <summary>The kinds of anomaly the ledger records; docs/study-rules.md explains each. Stable once published.</summary>
public static class AnomalyKind
{
    /// <summary>progressTime claimed more than the student's clock bank holds: more than the wall time that passed, or a long silence claimed at once.</summary>
    public const string ProgressAheadOfClock = "progress_ahead_of_clock";

    /// <summary>playTime moved ahead of the wall clock (a seek forward, double speed).</summary>
    public const string PositionJump = "position_jump";

    /// <summary>A report on a session that a newer startStudy closed.</summary>
    public const string ClosedSessionReport = "closed_session_report";

    /// <summary>The same person (ID number) started studying in another class while the study here was playing.</summary>
    public const string ConcurrentSession = "concurrent_session";

    /// <summary>endStudy straight after a report that jumped ahead.</summary>
    public const string EndAfterJump = "end_after_jump";

    /// <summary>Reports kept coming after today's limit was reached.</summary>
    public const string AfterDailyLimit = "after_daily_limit";

    /// <summary>A class asks for a recording of each resource studied (videoPlayRecord=1); a session ended without one.</summary>
    public const string MissingRecording = "missing_recording";

    /// <summary>The two-inch photo was replaced after the student had begun studying.</summary>
    public const string PhotoChangedAfterStudy = "photo_changed_after_study";

    /// <summary>A due anti-idle check was not passed within its validity; reports stop earning until one passes.</summary>
    public const string CheckOverdue = "check_overdue";

    /// <summary>A bizCode used again after it was passed or spent.</summary>
    public const string BizCodeReplayed = "biz_code_replayed";

    /// <summary>A bizCode submitted after it expired.</summary>
    public const string BizCodeExpired = "biz_code_expired";

    /// <summary>A bizCode submitted by another platform, or for another student, class or video than it was issued for.</summary>
    public const string BizCodeForeign = "biz_code_foreign";

    /// <summary>A face photo that is one the student submitted for an earlier check, or the registered photo, as sent or edited: not a live capture.</summary>
    public const string FacePhotoReplayed = "face_photo_replayed";

    /// <summary>A face check photo showed someone other than the registered student.</summary>
    public const string FaceMismatch = "face_mismatch";

    /// <summary>Many startStudy calls in a short time: restarts that try to refill the clock or dodge a check.</summary>
    public const string RapidRestarts = "rapid_restarts";

    /// <summary>A report claimed more past a due check's point than the check's validity allows.</summary>
    public const string ClaimPastDueCheck = "claim_past_due_check";

    /// <summary>A re-pushed roster tied a student code already on the class to another ID number; the class needs approving again.</summary>
    public const string RosterIdentityChanged = "roster_identity_changed";

    /// <summary>A reviewer found a face-check photo to show someone other than the registered student; the pass's credit is voided.</summary>
    public const string FaceReviewRejected = "face_review_rejected";

    /// <summary>A startStudy refused: the same person (ID number) was studying live on another learning platform, whose study it leaves alone.</summary>
    public const string LiveOnAnotherPlatform = "live_on_another_platform";

    /// <summary>A business platform re-pushed a class whose policy the operator had fixed, with a weaker policy; it waits for the operator.</summary>
    public const string PolicyWeakeningProposed = "policy_weakening_proposed";

    /// <summary>
    /// A flag (credit kept, under review): pop-up codes answered faster than a person reads and types, repeatedly, or
    /// with machine-regular timing.
    /// </summary>
    public const string CheckAnswerBot = "check_answer_bot";

    /// <summary>A flag (credit kept, under review): the account's study moved in lockstep with other people's, from one device.</summary>
    public const string CrowdLockstep = "crowd_lockstep";

    /// <summary>The kinds that are flags for the operator to void or clear rather than refusals: the credit stays until a void.</summary>
    public static readonly IReadOnlyList<string> Flags = [CheckAnswerBot, CrowdLockstep];

    /// <summary>Every kind, in the order the docs list them.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        ProgressAheadOfClock, PositionJump, ClosedSessionReport, ConcurrentSession, EndAfterJump, AfterDailyLimit, MissingRecording,
        PhotoChangedAfterStudy, CheckOverdue, BizCodeReplayed, BizCodeExpired, BizCodeForeign, FacePhotoReplayed, FaceMismatch,
        RapidRestarts, ClaimPastDueCheck, RosterIdentityChanged, FaceReviewRejected, LiveOnAnotherPlatform, PolicyWeakeningProposed,
        CheckAnswerBot, CrowdLockstep,
    ];
}
