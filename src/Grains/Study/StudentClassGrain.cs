using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;
using Supervision.Contracts;
using Supervision.Contracts.Checks;
using Supervision.Contracts.Classes;
using Supervision.Contracts.Evidence;
using Supervision.Contracts.Students;
using Supervision.Contracts.Study;
using Supervision.Grains.Checks;
using Supervision.Grains.Evidence;

namespace Supervision.Grains.Study;

/// <summary>
/// One student in one class. Its state is not in the ADO.NET grain storage: each change is committed by the
/// <see cref="EvidenceLedger"/> together with the evidence that caused it, in one group commit, so the hot
/// path costs one grain call and one (shared) transaction. Changes are made to a copy of the state, which
/// replaces the state only once committed: a failed commit leaves nothing half-applied.
/// </summary>
public sealed class StudentClassGrain(
    EvidenceLedger ledger,
    GrainStates states,
    Serializer<StudentClassState> serializer,
    DeepCopier<StudentClassState> copier,
    [FromKeyedServices(ClockKey.Name)] TimeProvider time) : Grain, IStudentClassGrain
{
    private const int ClosedSessionsKept = 5;
    private static readonly TimeSpan EndAfterJumpWindow = TimeSpan.FromMinutes(2);
    private StudentClassState state = new();
    private string classCode = "";
    private string studentUserCode = "";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (classCode, studentUserCode) = StudentClassKey.Parse(this.GetPrimaryKeyString());
        if (await states.LoadAsync("student_class", this.GetPrimaryKeyString()) is { } stored)
        {
            state = serializer.Deserialize(stored.Payload) ?? new StudentClassState();
        }
    }

    public async Task<Outcome> Start(StudyStart start)
    {
        var admitted = await Class.Admit(start.PlatformCode, studentUserCode, start.CourseCode, start.ResCode);
        if (!admitted.Succeeded)
        {
            return new Outcome(admitted.Code, admitted.Message);
        }

        var now = time.GetUtcNow();
        var terms = admitted.Data!;
        var change = NewChange(now);
        if (change.Draft.Session is { } previous)
        {
            Close(change, previous, "superseded", start.Device);
        }

        var session = new StudySession
        {
            Id = Guid.NewGuid(),
            PlatformCode = start.PlatformCode,
            Terms = terms,
            StartedAt = now,
            SectionCode = string.IsNullOrEmpty(terms.SectionCode) ? start.SectionCode : terms.SectionCode,
            AwaitingStartFace = terms.Policy.VideoStartFace,
        };
        change.Draft.Session = session;
        if (terms.Policy.RealNameAuthentication && !change.Draft.RealNameVerified)
        {
            change.Draft.RealNameVerified = await Student(terms.CardNo).IsRealNameVerified();
        }

        var other = await Student(terms.CardNo).BeginLiveSession(new LiveSession(classCode, studentUserCode, session.Id, now));
        if (other is not null)
        {
            change.Anomaly(AnomalyKind.ConcurrentSession, session, new { otherClassCode = other.ClassCode, otherStudentUserCode = other.StudentUserCode, otherStartedAt = other.StartedAt });
            GrainFactory.GetGrain<IStudentClassGrain>(StudentClassKey.Of(other.ClassCode, other.StudentUserCode)).CloseForConcurrentSession(classCode).Ignore();
        }

        change.Event("session_start", session, ReturnCode.Success, start.Device);
        await CommitAsync(change);
        return Outcome.Ok;
    }

    public async Task<Outcome> End(StudyEnd end)
    {
        if (state.Session is not { } open || open.Terms.ResCode != end.ResCode || open.PlatformCode != end.PlatformCode)
        {
            return state.Closed is [var last, ..] && last.WasEndedBy(end) ? Outcome.Ok : await RefuseWithoutSessionAsync(end.PlatformCode, null, end.ResCode);
        }

        var change = NewChange(time.GetUtcNow());
        var session = change.Draft.Session!;
        if (session.LastReportJumped && change.Now - session.LastReportAt < EndAfterJumpWindow)
        {
            change.Anomaly(AnomalyKind.EndAfterJump, session, new { lastPlayTime = session.LastPlayTime, lastReportAt = session.LastReportAt });
        }

        Close(change, session, "ended", end.Device);
        await CommitAsync(change);
        await Student(session.Terms.CardNo).EndLiveSession(session.Id);
        return Outcome.Ok;
    }

    public async Task<Outcome<StudyReceipt>> Report(StudyReport report)
    {
        if (state.Session is not { } open || open.Terms.ResCode != report.ResCode)
        {
            return await RefuseReportAsync(report);
        }

        if (open.PlatformCode != report.PlatformCode)
        {
            return Outcome.Fail(ReturnCode.ForeignPlatform, "studyPlatformCode: this session was started by another learning platform");
        }

        if (open.Terms.CourseCode != report.CourseCode)
        {
            return Outcome.Fail(ReturnCode.CourseNotFound, $"courseCode: the session on {report.ResCode} belongs to course {open.Terms.CourseCode}");
        }

        if (open.LastReceipt is { } previous && open.LastPlayTime == report.PlayTime && open.LastProgressTime == report.ProgressTime
            && open.LastClientTimestamp == report.Device.ClientTimestamp)
        {
            // A client retry of the last report: answered as before, credited once.
            return Outcome<StudyReceipt>.Ok(previous);
        }

        var change = NewChange(time.GetUtcNow());
        var draft = change.Draft;
        var session = draft.Session!;
        draft.RollDay(change.Now);
        var policy = session.Terms.Policy;

        if (policy.RealNameAuthentication && !draft.RealNameVerified)
        {
            draft.RealNameVerified = await Student(session.Terms.CardNo).IsRealNameVerified();
            if (!draft.RealNameVerified)
            {
                return await RefuseAsync(change, session, report, ReturnCode.RealNameRequired, "this class requires real-name authentication (1.2) before study counts");
            }
        }

        if (session.AwaitingStartFace)
        {
            return await RefuseAsync(change, session, report, ReturnCode.StartFaceRequired, "this class requires a face check (1.5/1.6) at the start of each session before study counts");
        }

        var validity = AntiIdleSchedule.Validity(policy);
        if (session.CheckDueSince is { } dueSince && change.Now > dueSince + validity)
        {
            if (!session.OverdueRecorded)
            {
                change.Anomaly(AnomalyKind.CheckOverdue, session, new { dueSince, deadline = dueSince + validity, playedSeconds = session.Clocked });
                session.OverdueRecorded = true;
            }

            return await RefuseAsync(change, session, report, ReturnCode.CheckOverdue, $"an anti-idle check due since {dueSince:u} was not passed within {validity.TotalMinutes} min; pass one to continue");
        }

        var limit = policy.StudyHourLimit * 3600;
        if (limit > 0 && draft.TodayCredited >= limit)
        {
            change.Anomaly(AnomalyKind.AfterDailyLimit, session, new { todayCredited = draft.TodayCredited, limitSeconds = limit, claimed = report.ProgressTime });
            return await RefuseAsync(change, session, report, ReturnCode.DailyLimitReached, $"studyHourLimit: today's limit of {policy.StudyHourLimit} h is reached");
        }

        var credit = draft.CreditFor(session);
        var decision = CreditRule.Decide(session, report.ProgressTime, report.PlayTime, change.Now, credit.Seconds, limit > 0 ? limit - draft.TodayCredited : null);
        if (decision.Excess > 0)
        {
            change.Anomaly(AnomalyKind.ProgressAheadOfClock, session, new
            {
                claimed = report.ProgressTime, accepted = decision.Clocked, elapsedSeconds = decision.Elapsed,
                acceptedBefore = session.Clocked, toleranceSeconds = CreditRule.ToleranceSeconds,
            });
        }

        if (decision.Jump > 0)
        {
            change.Anomaly(AnomalyKind.PositionJump, session, new { from = session.LastPlayTime, to = report.PlayTime, played = report.ProgressTime, jumpSeconds = decision.Jump });
        }

        session.Clocked += decision.Clocked;
        session.Credited += decision.Credited;
        session.Reports++;
        session.LastPlayTime = report.PlayTime;
        session.LastProgressTime = report.ProgressTime;
        session.LastClientTimestamp = report.Device.ClientTimestamp;
        session.LastReportAt = change.Now;
        session.LastReportJumped = decision.Jump > 0;
        credit.Seconds += decision.Credited;
        draft.TodayCredited += decision.Credited;
        if (session.CheckDueSince is null && AntiIdleSchedule.DueAt(policy, session.Terms.DurationSeconds, session.ChecksCleared) is { } dueAt && session.Clocked >= dueAt)
        {
            session.CheckDueSince = change.Now;
        }

        var due = session.CheckDueSince is { } since ? new CheckDue(AntiIdleSchedule.Kind(policy)!.Value, since, since + validity) : null;
        var receipt = new StudyReceipt(decision.Credited, draft.TodayCredited, limit > 0 ? limit - draft.TodayCredited : null, credit.Seconds, session.Terms.DurationSeconds, due);
        session.LastReceipt = receipt;
        change.Report(session, report, ReturnCode.Success, decision.Credited);
        await CommitAsync(change);
        return Outcome<StudyReceipt>.Ok(receipt);
    }

    public async Task<Outcome> SubmitRecording(RecordingSubmission recording)
    {
        if (state.Session is not { } open || open.Terms.ResCode != recording.ResCode || open.PlatformCode != recording.PlatformCode)
        {
            return await RefuseWithoutSessionAsync(recording.PlatformCode, recording.CourseCode, recording.ResCode);
        }

        var change = NewChange(time.GetUtcNow());
        var session = change.Draft.Session!;
        session.HasRecording = true;
        change.Event("recording", session, ReturnCode.Success, recording.Device, new { recordVideoUrl = recording.RecordVideoUrl });
        await CommitAsync(change);
        return Outcome.Ok;
    }

    public async Task<Outcome<CheckIssued>> IssueCheck(CheckRequest request)
    {
        if (state.Session is not { } open || open.Terms.ResCode != request.ResCode || open.PlatformCode != request.PlatformCode)
        {
            return await RefuseWithoutSessionAsync(request.PlatformCode, null, request.ResCode);
        }

        var change = NewChange(time.GetUtcNow());
        var session = change.Draft.Session!;
        var validity = AntiIdleSchedule.Validity(session.Terms.Policy);
        var bizCode = Guid.NewGuid().ToString("N");
        var code = request.Kind == CheckKind.Code ? RandomNumberGenerator.GetInt32(0, 10_000).ToString("D4") : null;
        var expiresAt = change.Now + validity;
        await GrainFactory.GetGrain<IChallengeGrain>(bizCode).Open(new ChallengeTicket(
            request.Kind, classCode, studentUserCode, session.Terms.CardNo, session.Terms.ResCode, session.Id, session.PlatformCode, change.Now, expiresAt, code));
        change.Event("check_issued", session, ReturnCode.Success, request.Device, new { bizCode, kind = request.Kind.ToString(), expiresAt });
        await CommitAsync(change);
        return Outcome<CheckIssued>.Ok(new CheckIssued(bizCode, (int)validity.TotalMinutes, code));
    }

    public async Task CheckPassed(CheckPass pass)
    {
        // A pass delivered again (see ChallengeGrain.DeliverPassAsync) is taken once: no second clearing, no second evidence.
        if (state.Session is not { } open || open.Id != pass.SessionId || open.LastPassBizCode == pass.BizCode)
        {
            return;
        }

        var change = NewChange(pass.PassedAt);
        var session = change.Draft.Session!;
        var policy = session.Terms.Policy;
        if (pass.Kind == CheckKind.Face)
        {
            session.AwaitingStartFace = false;
        }

        // A pass clears every check due up to now, and pre-pays none of the later ones: one delivered late (a
        // client's retry after a failed delivery) clears nothing if the due check fell due after it passed.
        if (AntiIdleSchedule.Kind(policy) == pass.Kind && !(session.CheckDueSince > pass.PassedAt))
        {
            session.CheckDueSince = null;
            session.OverdueRecorded = false;
            while (AntiIdleSchedule.DueAt(policy, session.Terms.DurationSeconds, session.ChecksCleared) is { } at && at <= session.Clocked)
            {
                session.ChecksCleared++;
            }
        }

        session.LastPassBizCode = pass.BizCode;
        change.Event("check_passed", session, ReturnCode.Success, DeviceInfo.Unknown, new { bizCode = pass.BizCode, kind = pass.Kind.ToString(), videoStudyTime = pass.VideoStudyTime });
        await CommitAsync(change);
    }

    public async Task CloseForConcurrentSession(string otherClassCode)
    {
        if (state.Session is null)
        {
            return;
        }

        var change = NewChange(time.GetUtcNow());
        Close(change, change.Draft.Session!, $"concurrent_session:{otherClassCode}", DeviceInfo.Unknown);
        await CommitAsync(change);
    }

    public Task<IReadOnlyList<ResourceCredit>> CreditByResource() => Task.FromResult(state.CreditByResource());

    public Task<StudentClassView> Describe()
    {
        var today = ChinaDay.Of(time.GetUtcNow());
        var credit = state.CreditByResource();
        return Task.FromResult(new StudentClassView(
            classCode,
            studentUserCode,
            state.Session?.View(),
            state.Closed.Select(s => s.View()).ToList(),
            credit,
            credit.Sum(c => c.Seconds),
            today.ToString("yyyy-MM-dd"),
            state.Day == today ? state.TodayCredited : 0,
            state.RealNameVerified));
    }

    private IClassGrain Class => GrainFactory.GetGrain<IClassGrain>(classCode);

    private IStudentGrain Student(string cardNo) => GrainFactory.GetGrain<IStudentGrain>(StudentKey.Of(cardNo));

    /// <summary>No open session on this resource: tell the platform exactly why, and keep a report on a closed session as evidence.</summary>
    private async Task<Outcome<StudyReceipt>> RefuseReportAsync(StudyReport report)
    {
        var refusal = await RefuseWithoutSessionAsync(report.PlatformCode, report.CourseCode, report.ResCode);
        var closed = state.Closed.FirstOrDefault(s => s.Terms.ResCode == report.ResCode && s.EndReason != "ended");
        if (refusal.Code != ReturnCode.NoOpenSession || closed is null)
        {
            return refusal;
        }

        var change = NewChange(time.GetUtcNow());
        var session = change.Draft.Closed.First(s => s.Id == closed.Id);
        change.Anomaly(AnomalyKind.ClosedSessionReport, session, new { endedAt = session.EndedAt, endReason = session.EndReason, claimed = report.ProgressTime, playTime = report.PlayTime });
        return await RefuseAsync(change, session, report, ReturnCode.SessionSuperseded, $"resCode: this session was closed ({session.EndReason}); call startStudy again");
    }

    private async Task<Outcome> RefuseWithoutSessionAsync(string platformCode, string? courseCode, string resCode)
    {
        var admitted = await Class.Admit(platformCode, studentUserCode, courseCode ?? state.Session?.Terms.CourseCode ?? "", resCode);
        if (!admitted.Succeeded && (courseCode is not null || admitted.Code != ReturnCode.CourseNotFound))
        {
            return new Outcome(admitted.Code, admitted.Message);
        }

        return Outcome.Fail(ReturnCode.NoOpenSession, $"resCode: no open study session on {resCode}; call startStudy first");
    }

    private async Task<Outcome<StudyReceipt>> RefuseAsync(StudentClassChange change, StudySession session, StudyReport report, string code, string message)
    {
        // The player did move, even though this report earns nothing: the next report is judged from here.
        session.LastPlayTime = report.PlayTime;
        session.LastReportAt = change.Now;
        change.Report(session, report, code, 0);
        await CommitAsync(change);
        return Outcome<StudyReceipt>.Fail(code, message);
    }

    private void Close(StudentClassChange change, StudySession session, string reason, DeviceInfo device)
    {
        session.EndedAt = change.Now;
        session.EndReason = reason;
        session.EndClientTimestamp = device.ClientTimestamp;
        if (session.Terms.Policy.VideoPlayRecord && !session.HasRecording)
        {
            change.Anomaly(AnomalyKind.MissingRecording, session, new { startedAt = session.StartedAt, endedAt = change.Now });
        }

        change.Event("session_end", session, ReturnCode.Success, device, new { reason, credited = session.Credited, reports = session.Reports });
        change.Draft.Session = null;
        change.Draft.Closed.Insert(0, session);
        if (change.Draft.Closed.Count > ClosedSessionsKept)
        {
            change.Draft.Closed.RemoveAt(ClosedSessionsKept);
        }
    }

    private async Task CommitAsync(StudentClassChange change)
    {
        change.Draft.Version = state.Version + 1;
        var snapshot = new StateSnapshot("student_class", this.GetPrimaryKeyString(), change.Draft.Version, serializer.SerializeToArray(change.Draft), change.Now);
        await ledger.CommitAsync(new LedgerWrite(snapshot, change.Events, change.Anomalies));
        state = change.Draft;
    }

    private StudentClassChange NewChange(DateTimeOffset now) => new(copier.Copy(state), now, classCode, studentUserCode);
}
