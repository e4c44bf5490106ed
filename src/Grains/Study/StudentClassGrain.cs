using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Supervision.Contracts;
using Supervision.Contracts.Checks;
using Supervision.Contracts.Classes;
using Supervision.Contracts.Evidence.Details;
using Supervision.Contracts.Reviews;
using Supervision.Contracts.Students;
using Supervision.Contracts.Study;
using Supervision.Database;
using Supervision.Grains.Checks;
using Supervision.Grains.Evidence;

namespace Supervision.Grains.Study;

/// <summary>
/// One student in one class. The rules' state (the clock bank, each video's schedule and credit) outlives
/// sessions; spans of study are recorded on it. Each change is drafted on a copy and committed with the evidence
/// it caused in one group commit, so the hot path costs one grain call and one shared transaction.
/// </summary>
/// <remarks>Calls go out to the class, the person and challenges; none of them calls a student-class back while it waits.</remarks>
public sealed class StudentClassGrain(
    LedgeredStates states,
    StudyReportJournal journal,
    PersonKeys personKeys,
    IOptions<StudyOptions> options,
    BizCodeKey bizCodeKey,
    WindowCredit windowCredit,
    [FromKeyedServices(ClockKey.Name)] TimeProvider time) : Grain, IStudentClassGrain
{
    public const string StateKind = "student_class";
    private static readonly TimeSpan EndAfterJumpWindow = TimeSpan.FromMinutes(2);

    private LedgeredState<StudentClassState> store = null!;
    private PersonStudy persons = null!;
    private string classCode = "";
    private string studentUserCode = "";

    private StudentClassState State => store.Current;

    private int BankCap => options.Value.BankCapSeconds;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (classCode, studentUserCode) = StudentClassKey.Parse(this.GetPrimaryKeyString());
        store = states.For<StudentClassState>(StateKind, this.GetPrimaryKeyString());
        persons = new PersonStudy(GrainFactory, personKeys);
        await store.LoadAsync();
        State.CardNo = ResidentIdNumber.Normalize(State.CardNo);
        if (State.Study is { } span)
        {
            // Reports that changed only their own numbers were committed as rows, without a snapshot.
            foreach (var row in await journal.ReportsBetweenAsync(span.Id, store.SnapshotVersion, store.Version))
            {
                State.Apply(row, BankCap);
            }
        }
    }

    public async Task<Outcome> Start(StudyStart start)
    {
        var admitted = await Class.Admit(start.PlatformCode, studentUserCode, start.CourseCode, start.ResCode);
        if (!admitted.Succeeded)
        {
            return new Outcome(admitted.Code, admitted.Message);
        }

        var terms = admitted.Data!;
        var now = time.GetUtcNow();
        if (await persons.LiveOnAnotherPlatformAsync(terms.CardNo, classCode, start.PlatformCode, now) is { } holder)
        {
            return await RefuseStartAsync(start, terms.CardNo, holder, now);
        }

        var change = NewChange(now);
        if (State.CardNo.Length > 0 && !string.Equals(State.CardNo, terms.CardNo, StringComparison.OrdinalIgnoreCase))
        {
            change = StudentClassChange.StartOver(State, terms.CardNo, change.Now, classCode, studentUserCode);
        }

        var draft = change.Draft;
        draft.Policy = terms.Policy;
        draft.CardNo = terms.CardNo;
        draft.BusinessPlatformCode = terms.BusinessPlatformCode;
        var span = draft.Study;
        var continued = span is not null && span.ResCode == start.ResCode && span.PlatformCode == start.PlatformCode;
        if (!continued)
        {
            if (span is not null)
            {
                change.Close(span, SpanEndReason.Superseded, start.Device);
            }

            // Time-ordered ids keep each new span's report rows at the right edge of study_reports_by_session, so the
            // index's pages after a checkpoint are a few new ones, not most of the index logged again in full.
            span = new StudySpan { Id = Guid.CreateVersion7(change.Now), PlatformCode = start.PlatformCode, ResCode = start.ResCode, CourseCode = terms.CourseCode, StartedAt = change.Now };
            draft.Study = span;
        }

        span!.PausedAt = null;
        span.LastStartAt = change.Now;
        span.Device = DeviceFingerprint.Of(start.Device);
        span.LastPlayTime = null;
        span.AwaitingStartFace = terms.Policy.VideoStartFace;
        draft.ResourceFor(terms, start.SectionCode);
        draft.Bank.Reopen(change.Now);
        if (terms.Policy.RealNameAuthentication && !draft.RealNameVerified)
        {
            draft.RealNameVerified = await persons.Person(terms.CardNo).IsRealNameVerified(terms.BusinessPlatformCode);
        }

        await persons.BeginAsync(terms.CardNo, new LiveSession(classCode, studentUserCode, span.Id, change.Now), start.PlatformCode);
        change.RecordRapidRestarts(span);
        change.Event(SessionStartEvidence.Started(continued), span, ReturnCode.Success, start.Device);
        await store.CommitAsync(change);
        return Outcome.Ok;
    }

    public async Task<Outcome> End(StudyEnd end)
    {
        if (State.Study is not { } open || open.ResCode != end.ResCode || open.PlatformCode != end.PlatformCode)
        {
            // Pausing a video whose span another start already closed changes nothing.
            return State.Closed.Any(s => s.ResCode == end.ResCode && s.PlatformCode == end.PlatformCode)
                ? Outcome.Ok
                : await RefuseWithoutSessionAsync(end.PlatformCode, null, end.ResCode);
        }

        if (open.Paused)
        {
            return Outcome.Ok;
        }

        var change = NewChange(time.GetUtcNow());
        var span = change.Draft.Study!;
        if (span.LastReportJumped && change.Now - span.LastReportAt < EndAfterJumpWindow)
        {
            change.Anomaly(span, new EndAfterJump(span.LastPlayTime, span.LastReportAt));
        }

        span.PausedAt = change.Now;
        change.Event(new SessionPauseEvidence(span.Credited, span.Reports), span, ReturnCode.Success, end.Device);
        await store.CommitAsync(change);
        return Outcome.Ok;
    }

    public async Task<Outcome<StudyReceipt>> Report(StudyReport report)
    {
        if (State.Study is not { } open || open.ResCode != report.ResCode)
        {
            return await RefuseReportAsync(report);
        }

        if (open.PlatformCode != report.PlatformCode)
        {
            return Outcome.Fail(ReturnCode.ForeignPlatform, "studyPlatformCode: this session was started by another learning platform");
        }

        if (open.CourseCode != report.CourseCode)
        {
            return Outcome.Fail(ReturnCode.CourseNotFound, $"courseCode: the session on {report.ResCode} belongs to course {open.CourseCode}");
        }

        if (open.LastReceipt is { } previous && open.LastPlayTime == report.PlayTime && open.LastProgressTime == report.ProgressTime
            && open.LastClientTimestamp == report.Device.ClientTimestamp)
        {
            // A client retry of the last report: answered as before, credited once.
            return Outcome<StudyReceipt>.Ok(previous);
        }

        var change = NewChange(time.GetUtcNow());
        var draft = change.Draft;
        var span = draft.Study!;
        change.ResumeIfPaused(span, report.Device, flushes: true);
        draft.RollDay(change.Now);
        draft.Bank.Accrue(change.Now, BankCap);
        var resource = draft.Resources[span.ResCode];
        var realNameChecked = draft.Policy.RealNameAuthentication && !draft.RealNameVerified;
        if (realNameChecked)
        {
            draft.RealNameVerified = await persons.Person(draft.CardNo).IsRealNameVerified(draft.BusinessPlatformCode);
        }

        if (StudyGates.Check(draft, span, resource, report.ProgressTime, change.Now) is { } refusal)
        {
            return await RefuseAsync(change, span, report, refusal, realNameChecked);
        }

        var receipt = ReportCredit.Apply(change, span, resource, report, BankCap);
        change.InRowsOnly &= !realNameChecked;
        await store.CommitAsync(change);
        return Outcome<StudyReceipt>.Ok(receipt);
    }

    public async Task<Outcome> SubmitRecording(RecordingSubmission recording)
    {
        if (State.Study is not { } open || open.ResCode != recording.ResCode || open.PlatformCode != recording.PlatformCode)
        {
            return await RefuseWithoutSessionAsync(recording.PlatformCode, recording.CourseCode, recording.ResCode);
        }

        var change = NewChange(time.GetUtcNow());
        var span = change.Draft.Study!;
        span.HasRecording = true;
        change.Event(new RecordingEvidence(recording.RecordVideoUrl), span, ReturnCode.Success, recording.Device);
        await store.CommitAsync(change);
        return Outcome.Ok;
    }

    public async Task<Outcome<CheckIssued>> IssueCheck(CheckRequest request)
    {
        if (State.Study is not { } open || open.ResCode != request.ResCode || open.PlatformCode != request.PlatformCode)
        {
            return await RefuseWithoutSessionAsync(request.PlatformCode, null, request.ResCode);
        }

        var change = NewChange(time.GetUtcNow());
        var span = change.Draft.Study!;
        change.ResumeIfPaused(span, request.Device);
        var validity = AntiIdleSchedule.Validity(change.Draft.Policy);
        var bizCode = BizCode.Create(await bizCodeKey.GetAsync(CancellationToken.None));
        var code = request.Kind == CheckKind.Code ? RandomNumberGenerator.GetInt32(0, 10_000).ToString("D4") : null;
        var expiresAt = change.Now + validity;
        await GrainFactory.GetGrain<IChallengeGrain>(bizCode).Open(new ChallengeTicket(
            request.Kind, classCode, studentUserCode, change.Draft.CardNo, span.ResCode, span.Id, span.PlatformCode, change.Now, expiresAt, code)
        {
            BusinessPlatformCode = change.Draft.BusinessPlatformCode,
        });
        change.Event(new CheckIssuedEvidence(bizCode, request.Kind.ToString(), expiresAt), span, ReturnCode.Success, request.Device);
        await store.CommitAsync(change);
        return Outcome<CheckIssued>.Ok(new CheckIssued(bizCode, (int)validity.TotalMinutes, code));
    }

    public async Task CheckPassed(CheckPass pass)
    {
        // A pass delivered again (see ChallengeGrain.DeliverPassAsync) is taken once: no second clearing, no second evidence.
        if (State.LastPassBizCode == pass.BizCode)
        {
            return;
        }

        var change = NewChange(pass.PassedAt);
        var draft = change.Draft;
        var span = draft.Study;
        if (pass.Kind == CheckKind.Face && span is { AwaitingStartFace: true } && pass.PassedAt >= span.LastStartAt)
        {
            span.AwaitingStartFace = false;
        }

        // A pass clears every check due up to now, and pre-pays none of the later ones: one delivered late (a
        // client's retry after a failed delivery) clears nothing if the due check fell due after it passed.
        if (AntiIdleSchedule.Kind(draft.Policy) == pass.Kind && draft.Resources.TryGetValue(pass.ResCode, out var resource)
            && !(resource.Schedule.DueSince > pass.PassedAt))
        {
            var playing = span?.ResCode == pass.ResCode ? span.PlayingSinceLastReport(pass.PassedAt) : 0;
            resource.Schedule.Pass(resource.Reached + playing, draft.Policy, resource.DurationSeconds);
        }

        draft.LastPassBizCode = pass.BizCode;
        if (draft.Resources.TryGetValue(pass.ResCode, out var studied))
        {
            studied.Passes.Passed(pass.BizCode);
        }

        if (pass.Kind == CheckKind.Code)
        {
            FlagReview.RecordCodeAnswer(change, pass);
        }

        change.Event(new CheckPassedEvidence(pass.BizCode, pass.Kind.ToString(), pass.VideoStudyTime, pass.AnswerMillis), pass.ResCode, pass.SessionId, span?.PlatformCode,
            DeviceInfo.Unknown);
        await store.CommitAsync(change);
    }

    public async Task<int> RejectFaceCheck(FaceCheckRejection rejection)
    {
        var change = NewChange(time.GetUtcNow());
        var voided = change.RejectFaceCheck(rejection);
        await CommitIfRecordedAsync(change);
        return voided;
    }

    public async Task<bool> RaiseCrowdFlag(CrowdFlag flag)
    {
        var change = NewChange(time.GetUtcNow());
        FlagReview.RaiseCrowdFlag(change, flag);
        return await CommitIfRecordedAsync(change);
    }

    public async Task<Outcome<FlagOutcome>> DecideFlag(FlagDecision decision)
    {
        var change = NewChange(time.GetUtcNow());
        var flag = State.Flags.FirstOrDefault(f => f.Id == decision.FlagId && f.UnderReview);
        var credited = decision.Void && flag is not null ? await windowCredit.ByResourceAsync(classCode, studentUserCode, flag.Since, change.Now) : new Dictionary<string, int>();
        var outcome = FlagReview.Decide(change, decision, credited);
        await CommitIfRecordedAsync(change);
        return outcome;
    }

    public async Task YieldTo(string otherClassCode, string otherPlatformCode, DateTimeOffset at)
    {
        if (State.Study is null && !State.Bank.Accruing)
        {
            return;
        }

        var change = NewChange(time.GetUtcNow());
        change.YieldTo(otherClassCode, otherPlatformCode, at, BankCap);
        await store.CommitAsync(change);
    }

    public Task<string?> LivePlatform(DateTimeOffset at) =>
        Task.FromResult(State.Study is { } span && at - span.LastActiveAt < StudentClassChange.ConcurrentWindow ? span.PlatformCode : null);

    public Task<IReadOnlyList<ResourceCredit>> CreditByResource(string cardNo) =>
        Task.FromResult(State.CardNo.Length == 0 || string.Equals(State.CardNo, cardNo, StringComparison.OrdinalIgnoreCase) ? State.CreditByResource() : []);

    public Task<StudentClassView> Describe()
    {
        var today = ChinaTime.DayOf(time.GetUtcNow());
        var credit = State.CreditByResource();
        return Task.FromResult(new StudentClassView(
            classCode,
            studentUserCode,
            State.Study?.View(),
            State.Closed.Select(s => s.View()).ToList(),
            credit,
            credit.Sum(c => c.Seconds),
            today.ToString("yyyy-MM-dd"),
            State.Day == today ? State.TodayCredited : 0,
            State.RealNameVerified));
    }

    private IClassGrain Class => GrainFactory.GetGrain<IClassGrain>(classCode);

    /// <summary>No open study on this video: tell the platform exactly why, and keep a report on a closed span as evidence.</summary>
    private async Task<Outcome<StudyReceipt>> RefuseReportAsync(StudyReport report)
    {
        var refusal = await RefuseWithoutSessionAsync(report.PlatformCode, report.CourseCode, report.ResCode);
        var closed = State.Closed.FirstOrDefault(s => s.ResCode == report.ResCode);
        if (refusal.Code != ReturnCode.NoOpenSession || closed is null)
        {
            return refusal;
        }

        var change = NewChange(time.GetUtcNow());
        var span = change.Draft.Closed.First(s => s.Id == closed.Id);
        if (span.EndReason != SpanEndReason.OtherPlatform)
        {
            change.Anomaly(span, new ClosedSessionReport(span.EndedAt, span.EndReason, report.ProgressTime, report.PlayTime));
        }

        change.ReportOnClosed(span, report, ReturnCode.SessionSuperseded);
        await store.CommitAsync(change);
        return Outcome<StudyReceipt>.Fail(ReturnCode.SessionSuperseded, $"resCode: this session was closed ({span.EndReason}); call startStudy again");
    }

    private async Task<Outcome> RefuseWithoutSessionAsync(string platformCode, string? courseCode, string resCode)
    {
        var admitted = await Class.Admit(platformCode, studentUserCode, courseCode ?? State.Study?.CourseCode ?? "", resCode);
        if (!admitted.Succeeded && (courseCode is not null || admitted.Code != ReturnCode.CourseNotFound))
        {
            return new Outcome(admitted.Code, admitted.Message);
        }

        return Outcome.Fail(ReturnCode.NoOpenSession, $"resCode: no open study session on {resCode}; call startStudy first");
    }

    private async Task<Outcome<StudyReceipt>> RefuseAsync(StudentClassChange change, StudySpan span, StudyReport report, StudyRefusal refusal, bool realNameChecked)
    {
        change.Refuse(span, report, refusal, BankCap);
        change.InRowsOnly &= !realNameChecked;
        await store.CommitAsync(change);
        return Outcome<StudyReceipt>.Fail(refusal.Code, refusal.Message);
    }

    /// <summary>The newcomer is refused, and the refusal recorded on its side: the holder's study, clock and class are not touched.</summary>
    private async Task<Outcome> RefuseStartAsync(StudyStart start, string cardNo, (LiveSession Session, string PlatformCode) holder, DateTimeOffset now)
    {
        var change = NewChange(now);
        var refusal = change.RefuseStart(start, cardNo, holder.Session, holder.PlatformCode);
        await store.CommitAsync(change);
        return refusal;
    }

    /// <summary>Commits a change that recorded something (a review's or a flag's); one that was refused or repeated records nothing.</summary>
    private async Task<bool> CommitIfRecordedAsync(StudentClassChange change)
    {
        var recorded = change.Events.Count > 0 || change.Anomalies.Count > 0;
        if (recorded)
        {
            await store.CommitAsync(change);
        }

        return recorded;
    }

    private StudentClassChange NewChange(DateTimeOffset now) => new(store.Copy(), now, classCode, studentUserCode);
}
