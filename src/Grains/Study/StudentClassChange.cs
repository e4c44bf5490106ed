using Supervision.Contracts.Evidence.Details;
using Supervision.Contracts.Reviews;
using Supervision.Contracts.Students;
using Supervision.Contracts.Study;
using Supervision.Grains.Evidence;

namespace Supervision.Grains.Study;

/// <summary>A draft of a student-class state and the evidence it will be committed with.</summary>
public sealed class StudentClassChange(StudentClassState draft, DateTimeOffset now, string classCode, string studentUserCode)
    : StateChange<StudentClassState>(draft, now)
{
    /// <summary>The reports this change made, each a row of study_reports once committed: most changes make one.</summary>
    public List<ReportRow> Reports { get; } = new(1);

    /// <summary>What the change adds to the charts' aggregates.</summary>
    public List<StudyActivity> Activity { get; } = new(1);

    /// <summary>A report this soon after endStudy is the player's flush of the seconds played before the pause: credited, and still paused.</summary>
    private static readonly TimeSpan FlushWindow = TimeSpan.FromSeconds(10);

    private const int RapidRestartCount = 5;
    private static readonly TimeSpan RapidRestartWindow = TimeSpan.FromSeconds(60);
    private const int RejectionsKept = 32;

    /// <summary>A study active this recently is live: another class's start is concurrent study, and another platform's start is refused.</summary>
    public static readonly TimeSpan ConcurrentWindow = TimeSpan.FromMinutes(2);

    /// <summary>A report, 1.5 or 1.7 on the paused span resumes it; a report within <see cref="FlushWindow"/> of the pause is its flush and does not.</summary>
    public void ResumeIfPaused(StudySpan span, DeviceInfo device, bool flushes = false)
    {
        if (span.PausedAt is { } paused && !(flushes && Now - paused <= FlushWindow))
        {
            span.PausedAt = null;
            span.ResumedAt = Now;
            Events.Add(OnSpan(EvidenceEvent.SessionResumed(Now), span, device, Contracts.ReturnCode.Success));
        }
    }

    /// <summary>Each report's row carries the version it made: the state's journal entry, replayed on activation.</summary>
    public override IReadOnlyList<LedgerRows> RowsAt(long version) =>
    [
        .. Rows,
        new(StudyReportsTable.Instance, Reports.ConvertAll(r => (object)(r with { Version = version }))),
        new(StudyActivityTable.Instance, Activity.ConvertAll(a => (object)a)),
    ];

    public void Event(EvidenceDetails details, StudySpan span, string outcome, DeviceInfo device) =>
        Events.Add(OnSpan(EvidenceEvent.Of(Now, details), span, device, outcome));

    public void Event(EvidenceDetails details, string? resCode, Guid? sessionId, string? platformCode, DeviceInfo device, string outcome = Contracts.ReturnCode.Success) =>
        Events.Add(ForLearner(EvidenceEvent.Of(Now, details)) with { ResCode = resCode, SessionId = sessionId, PlatformCode = platformCode, Device = device, Outcome = outcome });

    private EvidenceEvent OnSpan(EvidenceEvent evidence, StudySpan span, DeviceInfo device, string outcome) =>
        ForLearner(evidence) with { ResCode = span.ResCode, SessionId = span.Id, PlatformCode = span.PlatformCode, Device = device, Outcome = outcome };

    private EvidenceEvent ForLearner(EvidenceEvent evidence) => evidence with { ClassCode = classCode, StudentUserCode = studentUserCode, CardNo = Draft.CardNo };

    private AnomalyRecord ForLearner(AnomalyRecord anomaly) => anomaly with { ClassCode = classCode, StudentUserCode = studentUserCode, CardNo = Draft.CardNo };

    /// <summary>
    /// Records a report on the open span as its row and applies the row to the draft; a device other than the span's
    /// and a timestamp that is not a plain number are kept beside it (<see cref="ReportDecider"/> then keeps a snapshot).
    /// </summary>
    public void Report(StudySpan span, StudyReport report, string outcome, int credited, int accepted, int pastDue, ReportFlags flags, int bankCapSeconds)
    {
        ReportRow.TryCompactTimestamp(report.Device.ClientTimestamp, out var timestamp);
        var newMinute = span.LastReportAt is not { } last || Minute(last) != Minute(Now);
        Activity.Add(new StudyActivity(Now, classCode, span.PlatformCode, 1, credited, newMinute));
        var row = new ReportRow(Now, span.Id, 0, report.PlayTime, report.ProgressTime, outcome, credited, accepted, Draft.Bank.Balance, pastDue, flags, timestamp);
        Reports.Add(row);
        Draft.Apply(row, bankCapSeconds, report.Device.ClientTimestamp);

        var device = DeviceFingerprint.Of(report.Device);
        if (device != span.Device)
        {
            span.Device = device;
            Events.Add(OnSpan(EvidenceEvent.ReportDeviceChanged(Now), span, report.Device, outcome));
        }
    }

    /// <summary>
    /// The roster now ties this student code to another person (approved again by the operator): their study
    /// starts from nothing, and the earlier person's credit, kept in the evidence, is answered to nobody else.
    /// </summary>
    public static StudentClassChange StartOver(StudentClassState previous, string cardNo, DateTimeOffset now, string classCode, string studentUserCode)
    {
        var change = new StudentClassChange(new StudentClassState { CardNo = cardNo }, now, classCode, studentUserCode);
        change.Event(new IdentityChangeEvidence(Contracts.ResidentIdNumber.Mask(previous.CardNo), previous.CreditByResource().Sum(c => c.Seconds)), null, null, null, DeviceInfo.Unknown);
        return change;
    }

    /// <summary>
    /// A report that earns nothing still spends the bank, since the time it claims is gone: refused time never
    /// becomes credit later. The player did move, so the next report is judged from here.
    /// </summary>
    public void Refuse(StudySpan span, StudyReport report, StudyRefusal refusal, int bankCapSeconds)
    {
        var spent = Draft.Bank.Spend(report.ProgressTime);
        if (refusal.Anomaly is { } anomaly)
        {
            Anomaly(span, anomaly);
        }

        var flags = refusal.Anomaly is CheckOverdue ? ReportFlags.OverdueRecorded : ReportFlags.None;
        Report(span, report, refusal.Code, 0, spent, 0, flags, bankCapSeconds);
    }

    /// <summary>A report on a span already closed: its row, with no change to the state.</summary>
    public void ReportOnClosed(StudySpan span, StudyReport report, string outcome)
    {
        ReportRow.TryCompactTimestamp(report.Device.ClientTimestamp, out var timestamp);
        Reports.Add(new ReportRow(Now, span.Id, 0, report.PlayTime, report.ProgressTime, outcome, 0, 0, Draft.Bank.Balance, 0, ReportFlags.None, timestamp));
        Activity.Add(new StudyActivity(Now, classCode, span.PlatformCode, 1, 0, false));
        if (DeviceFingerprint.Of(report.Device) != span.Device)
        {
            Events.Add(OnSpan(EvidenceEvent.ReportDeviceChanged(Now), span, report.Device, outcome));
        }
    }

    /// <summary>
    /// Takes back what the rejected check's pass let its video earn and raises the anomaly, once per check; a
    /// check that never passed (its photo was refused at once) voids nothing and is still an anomaly. Today's
    /// count is left as it is: the time was spent, and the daily limit is about time, not credit.
    /// </summary>
    public int RejectFaceCheck(FaceCheckRejection rejection)
    {
        if (!Draft.KeepRejection(rejection.BizCode, RejectionsKept))
        {
            return 0;
        }

        var (resCode, resource) = Draft.Resources.FirstOrDefault(r => r.Value.Passes.Holds(rejection.BizCode));
        var voided = resource?.Passes.Reject(rejection.BizCode) ?? 0;
        FaceReviewRejected Details(int seconds) => new(rejection.BizCode, rejection.PhotoId, seconds, rejection.Operator, rejection.ReviewedAt);
        if (resCode is not null)
        {
            voided = VoidCredit(resCode, voided, seconds => CreditVoidedEvidence.Of(Details(seconds)));
        }

        Anomalies.Add(ForLearner(AnomalyRecord.Of(Now, Details(voided))) with { ResCode = resCode });
        return voided;
    }

    /// <summary>
    /// Takes up to <paramref name="seconds"/> of credit back from a video (never below zero), with its credit_voided
    /// evidence and the charts' correction: the one way credit is voided, for a face review's rejection and a flag's void.
    /// </summary>
    public int VoidCredit(string resCode, int seconds, Func<int, CreditVoidedEvidence> details)
    {
        if (!Draft.Resources.TryGetValue(resCode, out var resource))
        {
            return 0;
        }

        var voided = Math.Min(Math.Max(seconds, 0), resource.Credited);
        if (voided == 0)
        {
            return 0;
        }

        resource.Credited -= voided;
        Event(details(voided), resCode, null, null, DeviceInfo.Unknown);
        var platform = Draft.Study?.PlatformCode ?? Draft.Closed.FirstOrDefault()?.PlatformCode ?? "";
        Activity.Add(new StudyActivity(Now, classCode, platform, 0, -voided, false));
        return voided;
    }

    /// <summary>Raises a crowd or bot flag as its anomaly: the flag's id in the details lets the operator void or clear it.</summary>
    public void Flag(string? resCode, Guid? sessionId, AnomalyDetails details) =>
        Anomalies.Add(ForLearner(AnomalyRecord.Of(Now, details)) with { ResCode = resCode, SessionId = sessionId });

    /// <summary>Many startStudy calls in a short window are one anomaly per window, not one per start.</summary>
    public void RecordRapidRestarts(StudySpan span)
    {
        var recent = Draft.CountStart(Now, RapidRestartWindow);
        if (recent >= RapidRestartCount && !Draft.RestartsRecorded)
        {
            Draft.RestartsRecorded = true;
            Anomaly(span, new RapidRestarts(recent, (int)RapidRestartWindow.TotalSeconds));
        }
    }

    private static long Minute(DateTimeOffset at) => at.ToUnixTimeSeconds() / 60;

    public void Anomaly(StudySpan span, AnomalyDetails details) =>
        Anomalies.Add(ForLearner(AnomalyRecord.Of(Now, details)) with { ResCode = span.ResCode, SessionId = span.Id });

    /// <summary>
    /// The same person started studying in another class: the span here closes and the clock stops. Another
    /// learning platform is let in only once the study here has gone quiet (the grain's LivePlatform), and what it
    /// does is never held against this class: a platform that knows the learner's ID number could otherwise close
    /// a real study and taint its class at will.
    /// </summary>
    public void YieldTo(string otherClassCode, string otherPlatformCode, DateTimeOffset at, int bankCapSeconds)
    {
        Draft.Bank.Suspend(at, bankCapSeconds);
        if (Draft.Study is { } span)
        {
            var samePlatform = span.PlatformCode == otherPlatformCode;
            if (samePlatform && !span.Paused && at - span.LastActiveAt < ConcurrentWindow)
            {
                Anomaly(span, new ConcurrentSession(otherClassCode, at, span.LastActiveAt));
            }

            Close(span, samePlatform ? SpanEndReason.OtherClass : SpanEndReason.OtherPlatform, DeviceInfo.Unknown, otherClassCode);
        }
    }

    /// <summary>
    /// Closes the span for good, with its session_end evidence; a class that asks for recordings notes a span ended
    /// without one, unless another platform's start closed it (nothing it causes is held against this class).
    /// </summary>
    public void Close(StudySpan span, string reason, DeviceInfo device, string? otherClassCode = null)
    {
        if (Draft.Policy.VideoPlayRecord && !span.HasRecording && reason != SpanEndReason.OtherPlatform)
        {
            Anomaly(span, new MissingRecording(span.StartedAt, Now));
        }

        Draft.Close(span, Now, reason);
        Event(new SessionEndEvidence(reason, otherClassCode, span.Credited, span.Reports), span, Contracts.ReturnCode.Success, device);
    }

    /// <summary>A start refused because the person studies live on another learning platform: recorded here, on the newcomer's side alone.</summary>
    public Contracts.Outcome RefuseStart(StudyStart start, string cardNo, LiveSession held, string heldPlatformCode)
    {
        if (Draft.CardNo.Length == 0)
        {
            Draft.CardNo = cardNo;
        }

        var live = new LiveOnAnotherPlatform(held.ClassCode, heldPlatformCode, held.StartedAt);
        Event(SessionStartEvidence.Refused(live), start.ResCode, null, start.PlatformCode, start.Device, Contracts.ReturnCode.LiveOnAnotherPlatform);
        Anomaly(start.ResCode, live);
        return Contracts.Outcome.Fail(Contracts.ReturnCode.LiveOnAnotherPlatform,
            $"studentUserCode: this person is studying live on another learning platform; a start here is taken once that study has been quiet for {(int)ConcurrentWindow.TotalMinutes} minutes");
    }

    /// <summary>An anomaly of a call that opened no span (a refused start).</summary>
    public void Anomaly(string resCode, AnomalyDetails details) =>
        Anomalies.Add(ForLearner(AnomalyRecord.Of(Now, details)) with { ResCode = resCode });
}
