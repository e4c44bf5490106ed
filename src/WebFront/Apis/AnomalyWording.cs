using System.Globalization;
using Supervision.Contracts.Evidence.Details;
using Supervision.Database;

namespace Supervision.WebFront.Apis;

/// <summary>
/// An anomaly as a sentence in Chinese and in English, built from its typed details, so that a regulator reads why it
/// was raised without decoding JSON. The numbers stay in the answer's details too. Details that are not of the
/// kind's shape (written by an older version), or lack a value the sentence needs, get the kind's plain sentence instead.
/// Platforms are named by their names where the server knows them (<see cref="SentenceNames"/>); the codes stay in the details.
/// </summary>
public static class AnomalyWording
{
    public static (string Zh, string En) Describe(string kind, AnomalyDetails? details, SentenceNames names)
    {
        try
        {
            if (details is not null && Sentence(details, names) is { } sentence)
                return sentence;
        }
        catch (MissingValueException)
        {
        }

        var name = KindNames.Anomaly(kind);
        return ($"异常：{name.Zh}", $"anomaly: {name.En}");
    }

    private static (string Zh, string En)? Sentence(AnomalyDetails details, SentenceNames names) => details switch
    {
        ProgressAheadOfClock d => (
            $"声称学习 {N(d.Claimed)} 秒，仅认可 {N(d.Accepted)} 秒：距上次活动仅过去 {N(d.SilentSeconds)} 秒（时钟余额上限 {N(d.BankCapSeconds)} 秒，容差 {N(d.ToleranceSeconds)} 秒）",
            $"claimed {N(d.Claimed)} s, {N(d.Accepted)} s accepted: only {N(d.SilentSeconds)} s had passed since the last activity (clock bank capped at {N(d.BankCapSeconds)} s, tolerance {N(d.ToleranceSeconds)} s)"),
        PositionJump d => (
            $"播放位置从 {N(d.From)} 秒跳到 {N(d.To)} 秒，但只播放了 {N(d.Played)} 秒：向前跳过 {N(d.JumpSeconds)} 秒",
            $"the position jumped from {N(d.From)} s to {N(d.To)} s while only {N(d.Played)} s were played: {N(d.JumpSeconds)} s skipped ahead"),
        ClosedSessionReport d => ClosedSession(d),
        ConcurrentSession d => (
            $"本人于 {T(d.OtherStartedAt)} 在班级 {S(d.OtherClassCode)} 开始学习，而此处在 {T(d.LastActiveAt)} 仍在播放",
            $"the same person started in class {S(d.OtherClassCode)} at {T(d.OtherStartedAt)} while this study was still playing at {T(d.LastActiveAt)}"),
        EndAfterJump d => (
            $"在 {T(d.LastReportAt)} 跳到 {N(d.LastPlayTime)} 秒后随即结束学习",
            $"ended the study right after jumping to {N(d.LastPlayTime)} s at {T(d.LastReportAt)}"),
        AfterDailyLimit d => (
            $"今日已计 {N(d.TodayCredited)} 秒，达到上限 {N(d.LimitSeconds)} 秒后仍上报 {N(d.Claimed)} 秒",
            $"reported {N(d.Claimed)} s after today's {N(d.TodayCredited)} s reached the limit of {N(d.LimitSeconds)} s"),
        MissingRecording d => (
            $"{T(d.StartedAt)} 至 {T(d.EndedAt)} 的学习没有提交录像",
            $"no recording was submitted for the study from {T(d.StartedAt)} to {T(d.EndedAt)}"),
        PhotoChangedAfterStudy d => (
            $"学员 {T(d.StudyBeganAt)} 开始学习后，平台 {names.Platform(S(d.ChangedBy))} 把登记照片换成了另一张：之后的人脸验证都与新照片比对",
            $"platform {names.Platform(S(d.ChangedBy))} replaced the registered photo after the student had begun studying at {T(d.StudyBeganAt)}: every later face check compares against the new one"),
        CheckOverdue d => (
            $"自 {T(d.DueSince)} 应做的验证到 {T(d.Deadline)} 仍未通过；进度已到 {N(d.Reached)} 秒，本次声称 {N(d.Claimed)} 秒不计",
            $"the check due since {T(d.DueSince)} was not passed by {T(d.Deadline)}; progress had reached {N(d.Reached)} s, and the {N(d.Claimed)} s claimed do not count"),
        BizCodeReplayed d => (
            $"验证码 {S(d.BizCode)} 已用过后再次提交",
            $"bizCode {S(d.BizCode)} was submitted again after it was used"),
        BizCodeExpired d => (
            $"验证码 {S(d.BizCode)} 过期后才提交",
            $"bizCode {S(d.BizCode)} was submitted after it expired"),
        BizCodeForeign d => (
            $"验证码 {S(d.BizCode)} 被用于签发对象以外的平台、学员、班级或视频",
            $"bizCode {S(d.BizCode)} was used by another platform, student, class or video than it was issued for"),
        FacePhotoReplayed d => (
            $"验证照片是{(Face(d).ReplayOf is not null ? $"之前的照片 {N(Face(d).ReplayOf)}" : "登记照片")}（原样或经旋转、镜像、裁剪、模糊、调色、重新编码等修改）：不是现场拍摄",
            $"the check photo is {(Face(d).ReplayOf is not null ? $"earlier photo {N(Face(d).ReplayOf)}" : "the registered photo")}, as sent or edited (turned, mirrored, cropped, blurred, re-exposed, re-encoded): not a live capture"),
        FaceMismatch d => (
            $"验证照片不是登记学员本人：比对分数 {N(Face(d).Score)}，阈值 {N(Face(d).Threshold)}（第 {N(d.Attempts)} 次）",
            $"the check photo is not the registered student: score {N(Face(d).Score)} against threshold {N(Face(d).Threshold)} (attempt {N(d.Attempts)})"),
        RapidRestarts d => (
            $"{N(d.WindowSeconds)} 秒内开始学习 {N(d.Starts)} 次",
            $"{N(d.Starts)} startStudy calls within {N(d.WindowSeconds)} s"),
        ClaimPastDueCheck d => (
            $"验证到期后声称 {N(d.Claimed)} 秒：计入 {N(d.CountedPastDue)} 秒，{N(d.RefusedPastDue)} 秒超过验证时限 {N(d.ValiditySeconds)} 秒不计",
            $"claimed {N(d.Claimed)} s past a due check: {N(d.CountedPastDue)} s counted, {N(d.RefusedPastDue)} s beyond the check's {N(d.ValiditySeconds)} s validity refused"),
        RosterIdentityChanged d => (
            $"学员编码 {S(d.StudentUserCode)} 由身份证 {S(d.PreviousCardNo)} 改为 {S(d.CardNo)}；班级需重新审核",
            $"student code {S(d.StudentUserCode)} moved from ID {S(d.PreviousCardNo)} to {S(d.CardNo)}; the class needs approving again"),
        FaceReviewRejected d => (
            $"复核员 {S(d.Reviewer)} 判定照片 {N(d.PhotoId)} 不是本人：作废 {N(d.VoidedSeconds)} 秒学时",
            $"reviewer {S(d.Reviewer)} found photo {N(d.PhotoId)} to be another person: {N(d.VoidedSeconds)} s of credit voided"),
        PolicyWeakeningProposed d => (
            $"业务平台 {names.Platform(S(d.By))} 重新推送的班级监管策略弱于已审定的策略（{L(d.WeakerIn)}），待监管人员决定，未生效",
            $"business platform {names.Platform(S(d.By))} re-pushed a weaker policy than the one the operator fixed ({L(d.WeakerIn)}); it waits for the operator and is not applied"),
        LiveOnAnotherPlatform d => (
            $"开始学习被拒绝：本人自 {T(d.OtherStartedAt)} 起正在学习平台 {names.Platform(S(d.OtherPlatformCode))} 的班级 {S(d.OtherClassCode)} 学习",
            $"start refused: the same person has been studying live in class {S(d.OtherClassCode)} on learning platform {names.Platform(S(d.OtherPlatformCode))} since {T(d.OtherStartedAt)}"),
        CheckAnswerBot d => (
            $"疑似程序作答：最近验证码作答用时 {L(d.AnswersMs)} 毫秒（{N(d.Fast)} 次快于 {N(d.FloorMs)} 毫秒，离散系数 {N(d.Variation)}）；学时保留，待复核",
            $"answered like a script: recent pop-up codes took {L(d.AnswersMs)} ms ({N(d.Fast)} under {N(d.FloorMs)} ms, variation {N(d.Variation)}); credit kept, under review"),
        CrowdLockstep d => (
            $"自 {T(d.Since)} 至 {T(d.Until)} 与 {L(d.Companions)} 同一设备同步学习：{N(d.Coincidences)} 次上报、{N(d.AnswerCoincidences)} 次验证作答同时同值；学时保留，待复核",
            $"studied in lockstep with {L(d.Companions)} on one device from {T(d.Since)} to {T(d.Until)}: {N(d.Coincidences)} reports and {N(d.AnswerCoincidences)} check answers at the same instant with the same values; credit kept, under review"),
        _ => null,
    };

    private static string N(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? throw new MissingValueException();

    private static string N(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? throw new MissingValueException();

    private static string S(string? value) => value ?? throw new MissingValueException();

    private static (string Zh, string En) ClosedSession(ClosedSessionReport d)
    {
        var (zh, en) = EndReason(S(d.EndReason));
        return ($"会话已于 {T(d.EndedAt)} 关闭（{zh}）后仍上报 {N(d.Claimed)} 秒", $"reported {N(d.Claimed)} s on a session closed at {T(d.EndedAt)} ({en})");
    }

    // Why the session had closed, in words (src/Grains/Study/SpanEndReason); a reason this release does not know, as stored.
    private static (string Zh, string En) EndReason(string reason) => reason switch
    {
        "superseded" => ("开始了另一个视频", "another video was started"),
        "other_class" => ("本人在其他班级开始学习", "the same person started in another class"),
        "other_platform" => ("本人在其他学习平台开始学习", "the same person started on another platform"),
        _ => (reason, reason),
    };

    private static string T(DateTimeOffset? at) =>
        at is { } instant ? ChinaTime.Of(instant).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : throw new MissingValueException();

    /// <summary>A list's items, comma-separated.</summary>
    private static string L<T>(IEnumerable<T> items) => string.Join(", ", items);

    private static FaceJudgement Face(CheckAttemptAnomaly attempt) => attempt.Face ?? throw new MissingValueException();

    /// <summary>A value the sentence needs is not in the details.</summary>
    private sealed class MissingValueException : Exception;
}
