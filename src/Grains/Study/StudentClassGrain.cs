using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
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
    DeepCopier<StudentClassState> copier,
    [FromKeyedServices(ClockKey.Name)] TimeProvider time) : Grain, IStudentClassGrain
{
    public const string StateKind = "student_class";

    private LedgeredState<StudentClassState> store = null!;
    private string classCode = "";
    private string studentUserCode = "";

    private StudentClassState State => store.Current;

    private int BankCap => options.Value.BankCapSeconds;

    // Made when used, not held: a learner kept in memory by the thousand carries no field it can rebuild for free.
    private PersonStudy Persons => new(GrainFactory, personKeys);

    private StudentClassDrafts Drafts => new(classCode, studentUserCode, BankCap, copier);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (classCode, studentUserCode) = StudentClassKey.Parse(this.GetPrimaryKeyString());
        classCode = SharedValues.Code(classCode);
        store = states.For<StudentClassState>(StateKind, this.GetPrimaryKeyString());
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

        State.ShareValues();
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
        if (await Persons.LiveOnAnotherPlatformAsync(terms.CardNo, classCode, start.PlatformCode, now) is { } holder)
        {
            return await RefuseStartAsync(start, terms.CardNo, holder, now);
        }

        var verified = SessionDecider.AsksRealName(State, terms) ? await Persons.Person(terms.CardNo).IsRealNameVerified(terms.BusinessPlatformCode) : (bool?)null;
        var change = SessionDecider.Start(State, start, terms, now, Drafts, verified);
        await Persons.BeginAsync(terms.CardNo, new LiveSession(classCode, studentUserCode, change.Draft.Study!.Id, now), start.PlatformCode);
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

        if (SessionDecider.Pause(State, end, time.GetUtcNow(), Drafts) is { } change)
        {
            await store.CommitAsync(change);
        }

        return Outcome.Ok;
    }

    public async Task<Outcome<StudyReceipt>> Report(StudyReport report)
    {
        var verified = ReportDecider.AsksRealName(State) ? await Persons.Person(State.CardNo).IsRealNameVerified(State.BusinessPlatformCode) : (bool?)null;
        var now = time.GetUtcNow();
        var decision = ReportDecider.Decide(State, report, now, Drafts, verified);
        if (decision.WithoutSession)
        {
            var refusal = await RefuseWithoutSessionAsync(report.PlatformCode, report.CourseCode, report.ResCode);
            if (refusal.Code != ReturnCode.NoOpenSession || ReportDecider.OnClosedSpan(State, report, now, Drafts) is not { } closed)
            {
                return refusal;
            }

            decision = closed;
        }

        if (decision.Change is { } change)
        {
            await store.CommitAsync(change);
        }

        return decision.Answer!;
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

        var now = time.GetUtcNow();
        if (CheckIssueLimit.Refusal(State.ChecksIssued, request.Kind, now, options.Value) is { } refusal)
        {
            return refusal;
        }

        var change = NewChange(now);
        var span = change.Draft.Study!;
        change.ResumeIfPaused(span, request.Device);
        change.Draft.RecordCheckIssued(request.Kind, now, options.Value.CheckWindow);
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
        if (CheckPassDecider.Take(State, pass, Drafts) is { } change)
        {
            await store.CommitAsync(change);
        }
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

    private async Task<Outcome> RefuseWithoutSessionAsync(string platformCode, string? courseCode, string resCode)
    {
        var admitted = await Class.Admit(platformCode, studentUserCode, courseCode ?? State.Study?.CourseCode ?? "", resCode);
        if (!admitted.Succeeded && (courseCode is not null || admitted.Code != ReturnCode.CourseNotFound))
        {
            return new Outcome(admitted.Code, admitted.Message);
        }

        return Outcome.Fail(ReturnCode.NoOpenSession, $"resCode: no open study session on {resCode}; call startStudy first");
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

    private StudentClassChange NewChange(DateTimeOffset now) => Drafts.New(State, now);
}
