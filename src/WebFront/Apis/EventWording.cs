using System.Globalization;
using Supervision.Contracts.Evidence;
using Supervision.Contracts.Evidence.Details;
using Supervision.Database;

namespace Supervision.WebFront.Apis;

/// <summary>
/// An evidence row as a sentence in Chinese and in English, and its outcome in words: what a regulator reads on a
/// learner's timeline instead of a kind's code, a returnCode and JSON. A face attempt's outcome is its judgement
/// (answered "0", the photo may still have failed). Rows whose details are not of the kind's shape get the kind's name.
/// Platforms and videos are named by their names where the server knows them (<see cref="SentenceNames"/>); the codes
/// stay in the row's fields and details.
/// </summary>
public static class EventWording
{
    public static Words Describe(EvidenceView row, EvidenceDetails? details, SentenceNames names) => details switch
    {
        ReportEvidence d => new(
            $"上报：播放到第 {d.PlayTime} 秒，进度 {d.ProgressTime} 秒，计入 {row.Credited} 秒",
            $"report: played to {d.PlayTime} s, progress {d.ProgressTime} s, {row.Credited} s credited"),
        SessionStartEvidence { OtherClassCode: { } other } d => new(
            $"开始学习被拒绝：本人正在学习平台 {names.Platform(d.OtherPlatformCode)} 的班级 {other} 学习",
            $"start refused: the same person is studying in class {other} on platform {names.Platform(d.OtherPlatformCode)}"),
        SessionStartEvidence d => new(
            $"{(d.Continued == true ? "继续" : "开始")}学习视频{names.VideoZh(row.ResCode)}",
            $"{(d.Continued == true ? "continued" : "started")} video {names.VideoEn(row.ResCode)}"),
        SessionPauseEvidence d => new(
            $"暂停学习：本段已计 {d.Credited} 秒，{d.Reports} 次上报",
            $"paused: {d.Credited} s credited in {d.Reports} reports so far"),
        SessionEndEvidence d => new(
            $"本段学习结束（{EndReason(d).Zh}）：共计 {d.Credited} 秒，{d.Reports} 次上报",
            $"span closed ({EndReason(d).En}): {d.Credited} s credited in {d.Reports} reports"),
        RecordingEvidence => new("提交了学习录像", "submitted a recording of the study"),
        CheckIssuedEvidence d => new(
            $"发出{CheckKind(d.Kind).Zh}，{Time(d.ExpiresAt)} 前有效",
            $"{CheckKind(d.Kind).En} issued, valid until {Time(d.ExpiresAt)}"),
        CheckAttemptEvidence d => Attempt(row, d),
        CheckPassedEvidence d => new(
            $"{CheckKind(d.Kind).Zh}通过：视频第 {d.VideoStudyTime} 秒，作答用时 {Seconds(d.AnswerMs)} 秒",
            $"{CheckKind(d.Kind).En} passed at {d.VideoStudyTime} s of the video, answered in {Seconds(d.AnswerMs)} s"),
        PhotoChangeEvidence => new("登记照片已更换", "the registered photo was replaced"),
        IdentityChangeEvidence d => new(
            $"学员编码改属另一人，原身份证 {d.PreviousCardNo} 的 {d.Credited} 秒仍归原人",
            $"the student code now belongs to another person; {d.Credited} s stay with ID {d.PreviousCardNo}"),
        RosterIdentityChangeEvidence d => new(
            $"名册将 {d.StudentUserCode} 由身份证 {d.PreviousCardNo} 改为 {d.CardNo}",
            $"the roster moved {d.StudentUserCode} from ID {d.PreviousCardNo} to {d.CardNo}"),
        FaceReviewEvidence d => new(
            $"复核员 {d.Operator} 判定照片 {d.PhotoId}：{ReviewDecision(d.Decision).Zh}（比对分数 {Score(d.Score)}，阈值 {Score(d.Threshold)}，即时答复{(d.MachineDecision == "same" ? "通过" : "未通过")}）",
            $"reviewer {d.Operator} found photo {d.PhotoId}: {ReviewDecision(d.Decision).En} (score {Score(d.Score)}, threshold {Score(d.Threshold)}, answered at once as {(d.MachineDecision == "same" ? "passed" : "not passed")})"),
        CreditVoidedEvidence d => new(
            $"作废 {d.VoidedSeconds} 秒学时（{d.Reviewer}{(d.PhotoId is { } photo ? $"，照片 {photo}" : "")}）",
            $"{d.VoidedSeconds} s of credit voided ({d.Reviewer}{(d.PhotoId is { } id ? $", photo {id}" : "")})"),
        FlagDecisionEvidence d => new(
            $"{d.Operator} 对“{KindNames.Anomaly(d.Kind).Zh}”标记{(d.Decision == "void" ? $"作废学时 {d.VoidedSeconds} 秒" : "予以排除，学时保留")}",
            $"{d.Operator} {(d.Decision == "void" ? $"voided {d.VoidedSeconds} s on" : "cleared")} the flag \"{KindNames.Anomaly(d.Kind).En}\""),
        ClassApprovalEvidence d => new($"{d.Operator} 审核通过班级（{d.Action}）", $"{d.Operator} approved the class ({d.Action})"),
        ClassPolicyEvidence d => new(
            $"监管策略{(d.Action == "set" ? $"由 {d.Operator} 设定" : d.Action == "applied" ? $"由业务平台 {names.Platform(d.By)} 更新" : $"被业务平台 {names.Platform(d.By)} 提议放宽，待决定")}",
            $"policy {(d.Action == "set" ? $"set by {d.Operator}" : d.Action == "applied" ? $"updated by business platform {names.Platform(d.By)}" : $"weakening proposed by business platform {names.Platform(d.By)}, waiting")}"),
        DeliveryRetryEvidence d => new($"{d.Operator} 重试推送 #{d.DeliveryId}", $"{d.Operator} retried delivery #{d.DeliveryId}"),
        CataloguePullEvidence d => new(
            $"{d.Operator} 要求立即拉取平台 {names.Platform(d.PlatformCode)} 的课程目录（#{d.DeliveryId}）",
            $"{d.Operator} asked for platform {names.Platform(d.PlatformCode)}'s catalogue now (#{d.DeliveryId})"),
        PlatformRegistrationEvidence d => new(
            $"{d.Operator} {(d.Action == "register" ? "登记" : "重新登记")}平台 {names.Platform(d.PlatformCode)}（密码{(d.Password == "set" ? "已设定" : "已更换")}）",
            $"{d.Operator} {(d.Action == "register" ? "registered" : "re-registered")} platform {names.Platform(d.PlatformCode)} (password {d.Password})"),
        OperatorAccountEvidence d => new(
            $"{d.Operator} {(d.Action == "create" ? "创建" : "修改")}运营账户 {d.Account}",
            $"{d.Operator} {(d.Action == "create" ? "created" : "changed")} operator account {d.Account}"),
        _ => Plain(row, names),
    };

    /// <summary>What the request's answer meant: "0" is accepted, except a face attempt, whose judgement is the outcome.</summary>
    public static Words Outcome(EvidenceView row, EvidenceDetails? details) => details switch
    {
        CheckAttemptEvidence { Face: { } face } => FaceDecision(face.Decision),
        _ when row.Outcome == "0" && row.Kind == EvidenceKind.CheckAttempt => new("通过", "passed"),
        _ when row.Outcome == "0" => new("已受理", "accepted"),
        _ => new($"拒绝（返回码 {row.Outcome}）", $"refused (code {row.Outcome})"),
    };

    private static Words Attempt(EvidenceView row, CheckAttemptEvidence d)
    {
        var outcome = Outcome(row, d);
        return d.Face is { } face
            ? new(
                $"第 {d.Attempts} 次人脸验证：{outcome.Zh}（比对分数 {Score(face.Score)}，阈值 {Score(face.Threshold)}）",
                $"face check, attempt {d.Attempts}: {outcome.En} (score {Score(face.Score)}, threshold {Score(face.Threshold)})")
            : new(
                $"第 {d.Attempts} 次{CheckKind(d.Kind).Zh}作答：{outcome.Zh}，用时 {Seconds(d.AnswerMs)} 秒",
                $"{CheckKind(d.Kind).En}, attempt {d.Attempts}: {outcome.En}, answered in {Seconds(d.AnswerMs)} s");
    }

    private static Words Plain(EvidenceView row, SentenceNames names) => row.Kind switch
    {
        EvidenceKind.SessionResume => new($"恢复学习视频{names.VideoZh(row.ResCode)}", $"resumed video {names.VideoEn(row.ResCode)}"),
        EvidenceKind.RealName => new("通过实名认证", "passed the real-name check"),
        EvidenceKind.ReportDevice => new("上报来自另一台设备", "a report came from another device"),
        EvidenceKind.Report => new($"上报：计入 {row.Credited} 秒", $"report: {row.Credited} s credited"),
        _ => KindNames.Event(row.Kind),
    };

    private static Words FaceDecision(string decision) => decision switch
    {
        "same" => new("通过：是本人", "passed: the registered student"),
        "different" => new("未通过：不是本人", "failed: not the registered student"),
        "no_face_in_probe" => new("未通过：照片中没有人脸", "failed: no face in the photo"),
        "replayed" => new("未通过：翻拍或重用的照片", "failed: a reused photo, not live"),
        _ => new($"未通过（{decision}）", $"failed ({decision})"),
    };

    private static Words ReviewDecision(string decision) =>
        decision == "same_person" ? new("是本人", "the same person") : new("不是本人", "not the same person");

    private static Words CheckKind(string kind) => kind == "Face" ? new("人脸验证", "face check") : new("验证码", "pop-up code check");

    private static Words EndReason(SessionEndEvidence d) => d.Reason switch
    {
        "superseded" => new("开始了另一个视频", "another video was started"),
        "other_class" => new($"本人在班级 {d.OtherClassCode} 开始学习", $"the same person started in class {d.OtherClassCode}"),
        "other_platform" => new("本人在其他学习平台开始学习", "the same person started on another platform"),
        _ => new(d.Reason, d.Reason),
    };

    private static string Time(DateTimeOffset at) => ChinaTime.Of(at).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Seconds(int milliseconds) => (milliseconds / 1000.0).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Score(double? score) => score?.ToString("0.###", CultureInfo.InvariantCulture) ?? "–";
}
