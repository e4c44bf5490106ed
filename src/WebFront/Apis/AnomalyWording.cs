using System.Globalization;
using System.Text.Json;
using Supervision.Contracts.Evidence;

namespace Supervision.WebFront.Apis;

/// <summary>
/// An anomaly as a sentence in Chinese and in English, built from the numbers its details hold, so that a regulator
/// reads why it was raised without decoding JSON. The numbers stay in the answer's details too. A row whose details
/// lack a number the sentence needs (written by an older version) gets the kind's plain sentence instead.
/// </summary>
public static class AnomalyWording
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private static readonly Dictionary<string, Func<Details, (string Zh, string En)>> Sentences = new()
    {
        [AnomalyKind.ProgressAheadOfClock] = d => (
            $"声称学习 {d.N("claimed")} 秒，仅认可 {d.N("accepted")} 秒：距上次活动仅过去 {d.N("silentSeconds")} 秒（时钟余额上限 {d.N("bankCapSeconds")} 秒，容差 {d.N("toleranceSeconds")} 秒）",
            $"claimed {d.N("claimed")} s, {d.N("accepted")} s accepted: only {d.N("silentSeconds")} s had passed since the last activity (clock bank capped at {d.N("bankCapSeconds")} s, tolerance {d.N("toleranceSeconds")} s)"),
        [AnomalyKind.PositionJump] = d => (
            $"播放位置从 {d.N("from")} 秒跳到 {d.N("to")} 秒，但只播放了 {d.N("played")} 秒：向前跳过 {d.N("jumpSeconds")} 秒",
            $"the position jumped from {d.N("from")} s to {d.N("to")} s while only {d.N("played")} s were played: {d.N("jumpSeconds")} s skipped ahead"),
        [AnomalyKind.ClosedSessionReport] = d => (
            $"会话已于 {d.T("endedAt")} 关闭（{d.S("endReason")}）后仍上报 {d.N("claimed")} 秒",
            $"reported {d.N("claimed")} s on a session closed at {d.T("endedAt")} ({d.S("endReason")})"),
        [AnomalyKind.ConcurrentSession] = d => (
            $"本人于 {d.T("otherStartedAt")} 在班级 {d.S("otherClassCode")} 开始学习，而此处在 {d.T("lastActiveAt")} 仍在播放",
            $"the same person started in class {d.S("otherClassCode")} at {d.T("otherStartedAt")} while this study was still playing at {d.T("lastActiveAt")}"),
        [AnomalyKind.EndAfterJump] = d => (
            $"在 {d.T("lastReportAt")} 跳到 {d.N("lastPlayTime")} 秒后随即结束学习",
            $"ended the study right after jumping to {d.N("lastPlayTime")} s at {d.T("lastReportAt")}"),
        [AnomalyKind.AfterDailyLimit] = d => (
            $"今日已计 {d.N("todayCredited")} 秒，达到上限 {d.N("limitSeconds")} 秒后仍上报 {d.N("claimed")} 秒",
            $"reported {d.N("claimed")} s after today's {d.N("todayCredited")} s reached the limit of {d.N("limitSeconds")} s"),
        [AnomalyKind.MissingRecording] = d => (
            $"{d.T("startedAt")} 至 {d.T("endedAt")} 的学习没有提交录像",
            $"no recording was submitted for the study from {d.T("startedAt")} to {d.T("endedAt")}"),
        [AnomalyKind.PhotoChangedAfterStudy] = d => (
            "开始学习后更换了登记照片",
            "the registered photo was replaced after the student had begun studying"),
        [AnomalyKind.CheckOverdue] = d => (
            $"自 {d.T("dueSince")} 应做的验证到 {d.T("deadline")} 仍未通过；进度已到 {d.N("reached")} 秒，本次声称 {d.N("claimed")} 秒不计",
            $"the check due since {d.T("dueSince")} was not passed by {d.T("deadline")}; progress had reached {d.N("reached")} s, and the {d.N("claimed")} s claimed do not count"),
        [AnomalyKind.BizCodeReplayed] = d => (
            $"验证码 {d.S("bizCode")} 已用过后再次提交",
            $"bizCode {d.S("bizCode")} was submitted again after it was used"),
        [AnomalyKind.BizCodeExpired] = d => (
            $"验证码 {d.S("bizCode")} 过期后才提交",
            $"bizCode {d.S("bizCode")} was submitted after it expired"),
        [AnomalyKind.BizCodeForeign] = d => (
            $"验证码 {d.S("bizCode")} 被用于签发对象以外的平台、学员、班级或视频",
            $"bizCode {d.S("bizCode")} was used by another platform, student, class or video than it was issued for"),
        [AnomalyKind.FacePhotoReplayed] = d => (
            $"验证照片是{(d.Has("face", "replayOf") ? $"之前的照片 {d.N("face", "replayOf")}" : "登记照片")}（原样或经旋转、镜像、裁剪、模糊、调色、重新编码等修改）：不是现场拍摄",
            $"the check photo is {(d.Has("face", "replayOf") ? $"earlier photo {d.N("face", "replayOf")}" : "the registered photo")}, as sent or edited (turned, mirrored, cropped, blurred, re-exposed, re-encoded): not a live capture"),
        [AnomalyKind.FaceMismatch] = d => (
            $"验证照片不是登记学员本人：比对分数 {d.N("face", "score")}，阈值 {d.N("face", "threshold")}（第 {d.N("attempts")} 次）",
            $"the check photo is not the registered student: score {d.N("face", "score")} against threshold {d.N("face", "threshold")} (attempt {d.N("attempts")})"),
        [AnomalyKind.RapidRestarts] = d => (
            $"{d.N("windowSeconds")} 秒内开始学习 {d.N("starts")} 次",
            $"{d.N("starts")} startStudy calls within {d.N("windowSeconds")} s"),
        [AnomalyKind.ClaimPastDueCheck] = d => (
            $"验证到期后声称 {d.N("claimed")} 秒：计入 {d.N("countedPastDue")} 秒，{d.N("refusedPastDue")} 秒超过验证时限 {d.N("validitySeconds")} 秒不计",
            $"claimed {d.N("claimed")} s past a due check: {d.N("countedPastDue")} s counted, {d.N("refusedPastDue")} s beyond the check's {d.N("validitySeconds")} s validity refused"),
        [AnomalyKind.RosterIdentityChanged] = d => (
            $"学员编码 {d.S("studentUserCode")} 由身份证 {d.S("previousCardNo")} 改为 {d.S("cardNo")}；班级需重新审核",
            $"student code {d.S("studentUserCode")} moved from ID {d.S("previousCardNo")} to {d.S("cardNo")}; the class needs approving again"),
        [AnomalyKind.FaceReviewRejected] = d => (
            $"复核员 {d.S("reviewer")} 判定照片 {d.N("photoId")} 不是本人：作废 {d.N("voidedSeconds")} 秒学时",
            $"reviewer {d.S("reviewer")} found photo {d.N("photoId")} to be another person: {d.N("voidedSeconds")} s of credit voided"),
        [AnomalyKind.PolicyWeakeningProposed] = d => (
            $"业务平台 {d.S("by")} 重新推送的班级监管策略弱于已审定的策略（{d.L("weakerIn")}），待监管人员决定，未生效",
            $"business platform {d.S("by")} re-pushed a weaker policy than the one the operator fixed ({d.L("weakerIn")}); it waits for the operator and is not applied"),
        [AnomalyKind.LiveOnAnotherPlatform] = d => (
            $"开始学习被拒绝：本人自 {d.T("otherStartedAt")} 起正在学习平台 {d.S("otherPlatformCode")} 的班级 {d.S("otherClassCode")} 学习",
            $"start refused: the same person has been studying live in class {d.S("otherClassCode")} on learning platform {d.S("otherPlatformCode")} since {d.T("otherStartedAt")}"),
        [AnomalyKind.CheckAnswerBot] = d => (
            $"疑似程序作答：最近验证码作答用时 {d.L("answersMs")} 毫秒（{d.N("fast")} 次快于 {d.N("floorMs")} 毫秒，离散系数 {d.N("variation")}）；学时保留，待复核",
            $"answered like a script: recent pop-up codes took {d.L("answersMs")} ms ({d.N("fast")} under {d.N("floorMs")} ms, variation {d.N("variation")}); credit kept, under review"),
        [AnomalyKind.CrowdLockstep] = d => (
            $"自 {d.T("since")} 至 {d.T("until")} 与 {d.L("companions")} 同一设备同步学习：{d.N("coincidences")} 次上报、{d.N("answerCoincidences")} 次验证作答同时同值；学时保留，待复核",
            $"studied in lockstep with {d.L("companions")} on one device from {d.T("since")} to {d.T("until")}: {d.N("coincidences")} reports and {d.N("answerCoincidences")} check answers at the same instant with the same values; credit kept, under review"),
    };

    /// <summary>Kinds that have a sentence; a test holds it equal to <see cref="AnomalyKind.All"/>.</summary>
    public static IEnumerable<string> Kinds => Sentences.Keys;

    public static (string Zh, string En) Describe(string kind, JsonElement details)
    {
        if (Sentences.TryGetValue(kind, out var sentence))
        {
            try
            {
                return sentence(new Details(details));
            }
            catch (KeyNotFoundException)
            {
            }
        }

        return ($"异常：{kind}", $"anomaly: {kind}");
    }

    /// <summary>Reads the details' values as text, throwing <see cref="KeyNotFoundException"/> for one that is not there.</summary>
    private readonly struct Details(JsonElement root)
    {
        public string N(params string[] path) => Find(path) switch
        {
            { ValueKind: JsonValueKind.Number } n => n.TryGetInt64(out var whole) ? whole.ToString(CultureInfo.InvariantCulture) : n.GetDouble().ToString("0.###", CultureInfo.InvariantCulture),
            _ => throw new KeyNotFoundException(string.Join('.', path)),
        };

        public string S(string name) => Find([name]) is { ValueKind: JsonValueKind.String } s ? s.GetString()! : throw new KeyNotFoundException(name);

        /// <summary>A list's items, comma-separated.</summary>
        public string L(string name) =>
            Find([name]) is { ValueKind: JsonValueKind.Array } list ? string.Join(", ", list.EnumerateArray().Select(e => e.ToString())) : throw new KeyNotFoundException(name);

        public string T(string name) =>
            DateTimeOffset.TryParse(S(name), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
                ? at.ToOffset(ChinaOffset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
                : throw new KeyNotFoundException(name);

        public bool Has(params string[] path) => Find(path) is { ValueKind: JsonValueKind.Number };

        private JsonElement? Find(string[] path)
        {
            var at = root;
            foreach (var name in path)
            {
                if (at.ValueKind != JsonValueKind.Object || !at.TryGetProperty(name, out at))
                    return null;
            }

            return at;
        }
    }
}
