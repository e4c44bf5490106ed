using Supervision.Contracts.Evidence;

namespace Supervision.WebFront.Apis;

/// <summary>
/// What each anomaly kind and each evidence kind is called, in Chinese and in English: the console shows these and keeps
/// the code for its hover text. A kind without a name here is shown by its code (KindNamesTests requires every anomaly
/// kind and every evidence kind to have one).
/// </summary>
public static class KindNames
{
    public static readonly IReadOnlyDictionary<string, Words> Anomalies = new Dictionary<string, Words>
    {
        [AnomalyKind.ProgressAheadOfClock] = new("进度超过时钟", "Progress ahead of the clock"),
        [AnomalyKind.PositionJump] = new("拖动进度", "Skipped ahead in the video"),
        [AnomalyKind.ClosedSessionReport] = new("已关闭会话仍上报", "Report on a closed session"),
        [AnomalyKind.ConcurrentSession] = new("多班级同时学习", "Studying in two classes at once"),
        [AnomalyKind.EndAfterJump] = new("拖动后立即结束", "Ended right after skipping ahead"),
        [AnomalyKind.AfterDailyLimit] = new("超过每日学时上限", "Past the daily limit"),
        [AnomalyKind.MissingRecording] = new("缺少学习录像", "Recording missing"),
        [AnomalyKind.PhotoChangedAfterStudy] = new("学习后更换照片", "Photo replaced after study began"),
        [AnomalyKind.CheckOverdue] = new("验证逾期未通过", "Check overdue"),
        [AnomalyKind.BizCodeReplayed] = new("验证码重复使用", "Check code used again"),
        [AnomalyKind.BizCodeExpired] = new("验证码过期", "Check code expired"),
        [AnomalyKind.BizCodeForeign] = new("验证码被他人使用", "Check code used by someone else"),
        [AnomalyKind.FacePhotoReplayed] = new("翻拍或重用照片", "Photo reused, not live"),
        [AnomalyKind.FaceMismatch] = new("人脸不是本人", "Face is someone else"),
        [AnomalyKind.RapidRestarts] = new("频繁重新开始", "Rapid restarts"),
        [AnomalyKind.ClaimPastDueCheck] = new("验证到期后继续计时", "Claimed past a due check"),
        [AnomalyKind.RosterIdentityChanged] = new("名册身份变更", "Roster identity changed"),
        [AnomalyKind.FaceReviewRejected] = new("复核判定非本人", "Reviewer: not the same person"),
        [AnomalyKind.LiveOnAnotherPlatform] = new("正在其他平台学习", "Live on another platform"),
        [AnomalyKind.PolicyWeakeningProposed] = new("提议放宽监管策略", "Weaker policy proposed"),
        [AnomalyKind.CheckAnswerBot] = new("疑似程序作答", "Answers like a script"),
        [AnomalyKind.CrowdLockstep] = new("多人同步代学", "Studying in lockstep with others"),
    };

    public static readonly IReadOnlyDictionary<string, Words> Events = new Dictionary<string, Words>
    {
        [EvidenceKind.Report] = new("学时上报", "Study report"),
        [EvidenceKind.SessionStart] = new("开始学习", "Started studying"),
        [EvidenceKind.SessionPause] = new("暂停学习", "Paused"),
        [EvidenceKind.SessionResume] = new("恢复学习", "Resumed"),
        [EvidenceKind.SessionEnd] = new("结束本段学习", "Span closed"),
        [EvidenceKind.Recording] = new("提交录像", "Recording submitted"),
        [EvidenceKind.CheckIssued] = new("发出验证", "Check issued"),
        [EvidenceKind.CheckAttempt] = new("验证作答", "Check answered"),
        [EvidenceKind.CheckPassed] = new("验证通过", "Check passed"),
        [EvidenceKind.RealName] = new("实名认证", "Real-name verified"),
        [EvidenceKind.PhotoChange] = new("更换照片", "Photo replaced"),
        [EvidenceKind.RosterIdentityChange] = new("名册身份变更", "Roster identity changed"),
        [EvidenceKind.IdentityChange] = new("学员身份变更", "Identity changed"),
        [EvidenceKind.ReportDevice] = new("换设备上报", "Report from another device"),
        [EvidenceKind.ClassApproval] = new("班级审核", "Class approved"),
        [EvidenceKind.ClassPolicy] = new("监管策略变更", "Policy changed"),
        [EvidenceKind.DeliveryRetry] = new("重试推送", "Delivery retried"),
        [EvidenceKind.FaceReview] = new("人脸复核", "Face review"),
        [EvidenceKind.CreditVoided] = new("作废学时", "Credit voided"),
        [EvidenceKind.FlagDecision] = new("标记处理", "Flag decided"),
        [EvidenceKind.OperatorAccount] = new("运营账户变更", "Operator account changed"),
        [EvidenceKind.PlatformRegistration] = new("平台登记", "Platform registered"),
        [EvidenceKind.CataloguePull] = new("拉取课程目录", "Catalogue pull requested"),
    };

    public static Words Anomaly(string kind) => Anomalies.TryGetValue(kind, out var words) ? words : new Words(kind, kind);

    public static Words Event(string kind) => Events.TryGetValue(kind, out var words) ? words : new Words(kind, kind);
}
