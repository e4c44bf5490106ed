using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Supervision.Contracts;
using Supervision.Contracts.Classes;
using Supervision.Contracts.Evidence;
using Supervision.Contracts.Evidence.Details;
using Supervision.Contracts.Platforms;
using Supervision.Contracts.Students;
using Supervision.Contracts.Study;
using Supervision.Grains.Delivery;
using Supervision.Grains.Evidence;
using Supervision.Grains.Platforms;
using Supervision.Grains.Study;

namespace Supervision.Grains.Classes;

/// <summary>
/// One class: what its business platform registered, the operator's policy and approval, and its 1.12 push
/// status. Its state is a <see cref="LedgeredState{T}"/>, committed in one ledger write with the evidence a change
/// causes (a roster that ties a student code to another person), its directory row and the 1.12 push it queues.
/// </summary>
public sealed class ClassGrain(
    LedgeredStates states,
    IOptions<IntakeOptions> intake,
    IOptions<DeliveryOptions> delivery,
    DeliveryOutbox outbox,
    ClassDirectory directory,
    PlatformHoldings holdings,
    CommittedCredit committedCredit,
    PersonKeys personKeys,
    [PersistentState(ClassGrain.StateKind, StorageNames.Main)] IPersistentState<ClassState> earlier,
    [FromKeyedServices(ClockKey.Name)] TimeProvider time) : Grain, IClassGrain
{
    public const string StateKind = "class";
    private LedgeredState<ClassState> store = null!;

    private string ClassCode => this.GetPrimaryKeyString();

    private ClassState Current => store.Current;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        store = states.For<ClassState>(StateKind, ClassCode);
        await store.LoadAsync();
        await OrleansStateMove.MoveAsync(store, earlier, time.GetUtcNow());
        Current.NormalizeIdNumbers();
    }

    public async Task<Outcome> Receive(ClassRegistration registration, string businessPlatformCode)
    {
        if (store.RecordExists && Current.BusinessPlatformCode != businessPlatformCode)
        {
            return Outcome.Fail(ReturnCode.OwnedByAnotherPlatform, $"classCode: {ClassCode} cannot be used by this platform; choose another code");
        }

        var learningPlatform = await GrainFactory.GetGrain<IPlatformDirectoryGrain>(0).FindLearningPlatformByApiUrl(registration.StudyPlatformApiUrl);
        if (learningPlatform is null)
        {
            return Outcome.Fail(ReturnCode.UnknownLearningPlatform, "studyPlatformApiUrl: no learning platform is registered at this address");
        }

        var students = MergeRoster(registration.Students);
        var people = students.ConvertAll(s => personKeys.Of(s.CardNo));
        if (await holdings.RefusalAsync(HoldingKind.Person, businessPlatformCode, people, "thirdClassStudentInfoVoList") is { } beyond)
        {
            return beyond;
        }

        await Task.WhenAll(students.Select((s, i) => GrainFactory.GetGrain<IStudentGrain>(people[i]).Register(
            new StudentRegistration(s.CardNo, s.StudentName, s.StudentUserCode, s.StudentPhone, s.ErcunPhotos, null, registration.StudyPlatformApiUrl)
            {
                LearningPlatformCode = learningPlatform,
            },
            businessPlatformCode)));

        var change = store.Change(time.GetUtcNow());
        var draft = change.Draft;
        change.Rows.Add(directory.Entry(new ClassDirectoryEntry(
            ClassCode, registration.TrainClassName, registration.OrgName, change.Now, businessPlatformCode, learningPlatform, students)));
        var isNew = !store.RecordExists;
        RecordIdentityChanges(change, students, businessPlatformCode);
        draft.TrainClassName = registration.TrainClassName;
        draft.OrgCode = registration.OrgCode;
        draft.OrgName = registration.OrgName;
        draft.WorkName = registration.WorkName ?? draft.WorkName;
        draft.LearningPlatformCode = learningPlatform;
        draft.BusinessPlatformCode = businessPlatformCode;
        if (isNew)
        {
            draft.Policy = registration.Policy ?? intake.Value.PolicyOfUnstatedClass;
            draft.PolicyByOperator = registration.Policy is null;
        }
        else if (registration.Policy is { } policy)
        {
            ClassPolicyChange.Propose(change, ClassCode, policy, businessPlatformCode);
        }

        draft.Courses = LastOccurrence.ByCode(registration.Courses, c => c.CourseCode);
        draft.Students = students;
        draft.ReceivedAt = change.Now;
        var approving = isNew && intake.Value.AutoApprove;
        if (approving)
        {
            draft.Approval = ApprovalStatus.Approved;
            draft.ApprovedAt = change.Now;
        }

        await CommitAsync(change, approving);
        return Outcome.Ok;
    }

    public async Task<Outcome> SetPolicy(ClassPolicy policy, OperatorAction by)
    {
        if (!store.RecordExists)
        {
            return NotFound();
        }

        var change = store.Change(time.GetUtcNow());
        ClassPolicyChange.Set(change, ClassCode, policy, by);
        await CommitAsync(change, approving: false);
        return Outcome.Ok;
    }

    public async Task<Outcome> Approve(OperatorAction by)
    {
        if (!store.RecordExists)
        {
            return NotFound();
        }

        var change = store.Change(time.GetUtcNow());
        var action = change.Draft.Approval == ApprovalStatus.Approved ? "reapprove" : change.Draft.ApprovedAt is null ? "approve" : "approve_after_roster_change";
        change.Events.Add(EvidenceEvent.Of(change.Now, new ClassApprovalEvidence(action, by.Operator, by.Address)) with
        {
            ClassCode = ClassCode, PlatformCode = Current.BusinessPlatformCode,
        });
        change.Draft.Approval = ApprovalStatus.Approved;
        change.Draft.ApprovedAt = change.Now;
        await CommitAsync(change, approving: true);
        return Outcome.Ok;
    }

    public async Task<Outcome<IReadOnlyList<StudyRecord>>> StudyRecords(string businessPlatformCode)
    {
        if (!store.RecordExists)
        {
            return NotFound();
        }

        if (Current.BusinessPlatformCode != businessPlatformCode)
        {
            // Another platform's class is answered as no class at all: its code tells the caller nothing.
            return NotFound();
        }

        return await CommittedStudyRecords();
    }

    // From what the learners committed, not from their grains: a class of thousands wakes none of them.
    public async Task<Outcome<IReadOnlyList<StudyRecord>>> CommittedStudyRecords() => store.RecordExists
        ? Outcome<IReadOnlyList<StudyRecord>>.Ok(await committedCredit.StudyRecordsAsync(ClassCode, Current.Students))
        : NotFound();

    public Task<Outcome<StudyTerms>> Admit(string learningPlatformCode, string studentUserCode, string courseCode, string resCode) =>
        Task.FromResult(Check(learningPlatformCode, studentUserCode, courseCode, resCode));

    private Outcome<StudyTerms> Check(string learningPlatformCode, string studentUserCode, string courseCode, string resCode)
    {
        if (!store.RecordExists)
        {
            return NotFound();
        }

        if (Current.LearningPlatformCode != learningPlatformCode)
        {
            return Outcome.Fail(ReturnCode.ForeignPlatform, $"classCode: class {ClassCode} is taught by another learning platform");
        }

        if (Current.Approval != ApprovalStatus.Approved)
        {
            return Outcome.Fail(ReturnCode.ClassNotApproved, $"classCode: class {ClassCode} is not approved yet");
        }

        var student = Current.Students.FirstOrDefault(s => s.StudentUserCode == studentUserCode);
        if (student is null)
        {
            return Outcome.Fail(ReturnCode.StudentNotFound, $"studentUserCode: {studentUserCode} is not on the roster of class {ClassCode}");
        }

        if (Current.Courses.Count == 0)
        {
            // A class sent without a course tree: any resource is accepted, its duration unknown.
            return Outcome<StudyTerms>.Ok(new StudyTerms(Current.Policy, student.CardNo, courseCode, "", resCode, 0, Current.BusinessPlatformCode));
        }

        var course = Current.Courses.FirstOrDefault(c => c.CourseCode == courseCode);
        if (course is null)
        {
            return Outcome.Fail(ReturnCode.CourseNotFound, $"courseCode: {courseCode} is not a course of class {ClassCode}");
        }

        foreach (var chapter in course.Chapters)
        {
            if (chapter.Resources.FirstOrDefault(r => r.ResCode == resCode) is { } resource)
            {
                return Outcome<StudyTerms>.Ok(new StudyTerms(Current.Policy, student.CardNo, courseCode, chapter.ChapterCode, resCode, resource.DurationSeconds, Current.BusinessPlatformCode));
            }
        }

        return Outcome.Fail(ReturnCode.CourseNotFound, $"resCode: {resCode} is not a resource of course {courseCode} in class {ClassCode}");
    }

    public Task<ClassView?> Describe() => Task.FromResult(store.RecordExists ? View(Current) : null);

    public Task<ClassSummary?> Summarize() => Task.FromResult(store.RecordExists
        ? new ClassSummary(
            ClassCode,
            Current.TrainClassName,
            Current.OrgName,
            Current.LearningPlatformCode,
            Current.BusinessPlatformCode,
            Current.Approval,
            Current.Students.Count,
            Current.Courses.Count,
            Current.PushVersion,
            Current.DeliveredVersion,
            Current.ReceivedAt)
        : null);

    public async Task<Outcome<IReadOnlyList<StudentProgress>>> Progress()
    {
        if (!store.RecordExists)
        {
            return NotFound();
        }

        var progress = await Task.WhenAll(Current.Students.Select(async student =>
            new StudentProgress(student, await StudentClass(student).Describe())));
        return Outcome<IReadOnlyList<StudentProgress>>.Ok(progress);
    }

    public async Task RecordPushAnswer(int version, PushAnswer answer)
    {
        if (!store.RecordExists || version < Current.DeliveredVersion)
        {
            return;
        }

        var accounts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var account in answer.Accounts)
        {
            accounts[account.CardNo] = account.StudentUserAccount;
        }

        var change = store.Change(time.GetUtcNow());
        var draft = change.Draft;
        draft.Students = draft.Students
            .Select(s => accounts.TryGetValue(s.CardNo, out var login) ? s with { StudentUserAccount = login } : s)
            .ToList();
        draft.PasswordRules = answer.PasswordRules ?? draft.PasswordRules;
        draft.DeliveredVersion = version;
        draft.DeliveredAt = change.Now;
        await store.CommitAsync(change);
    }

    private ClassView View(ClassState s) => new(
        ClassCode,
        s.TrainClassName,
        s.OrgCode,
        s.OrgName,
        s.WorkName,
        s.LearningPlatformCode,
        s.BusinessPlatformCode,
        s.Policy,
        s.Approval,
        s.ApprovedAt,
        s.Courses,
        s.Students)
    {
        PasswordRules = s.PasswordRules,
        PushVersion = s.PushVersion,
        DeliveredVersion = s.DeliveredVersion,
        DeliveredAt = s.DeliveredAt,
        ProposedPolicy = s.ProposedPolicy,
    };

    /// <summary>
    /// Commits the change, with a 1.12 push of an approved class in the same ledger write when an approval asks for
    /// one or what a push sends has changed: the push is queued if and only if the version it sends is committed.
    /// </summary>
    private async Task CommitAsync(StateChange<ClassState> change, bool approving)
    {
        if (change.Draft.Approval == ApprovalStatus.Approved)
        {
            QueuePush(change, approving);
        }

        await store.CommitAsync(change);
    }

    private void QueuePush(StateChange<ClassState> change, bool approving)
    {
        var draft = change.Draft;
        var digest = PushClassInfoDocument.Digest(View(draft));
        var unchanged = digest == draft.QueuedDigest;

        // An identical push still waiting to be delivered already carries this approval (a retried approve).
        var waiting = draft.PushVersion > draft.DeliveredVersion;
        if (unchanged && (waiting || !approving))
        {
            return;
        }

        var version = draft.PushVersion + 1;
        change.Rows.Add(outbox.Push(ClassCode, draft.LearningPlatformCode, version, change.Now, delivery.Value.AttemptLimit));
        draft.PushVersion = version;
        draft.QueuedDigest = digest;
    }

    /// <summary>
    /// A roster that ties a student code already on the class to another ID number moves no credit (the
    /// student-class answers the earlier person's credit to nobody else) and is evidence; the class waits for the
    /// operator to approve it again.
    /// </summary>
    private void RecordIdentityChanges(StateChange<ClassState> change, IReadOnlyList<RosterEntry> incoming, string businessPlatformCode)
    {
        var earlier = change.Draft.Students.ToDictionary(s => s.StudentUserCode, s => s.CardNo, StringComparer.Ordinal);
        foreach (var student in incoming)
        {
            if (!earlier.TryGetValue(student.StudentUserCode, out var previous) || string.Equals(previous, student.CardNo, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var changed = new RosterIdentityChanged(student.StudentUserCode, ResidentIdNumber.Mask(previous), ResidentIdNumber.Mask(student.CardNo));
            change.Events.Add(EvidenceEvent.Of(change.Now, RosterIdentityChangeEvidence.Of(changed)) with
            {
                ClassCode = ClassCode, StudentUserCode = student.StudentUserCode, CardNo = student.CardNo, PlatformCode = businessPlatformCode,
            });
            change.Anomalies.Add(AnomalyRecord.Of(change.Now, changed) with { ClassCode = ClassCode, StudentUserCode = student.StudentUserCode, CardNo = student.CardNo });
            if (change.Draft.Approval == ApprovalStatus.Approved)
            {
                change.Draft.Approval = ApprovalStatus.Pending;
            }
        }
    }

    private IStudentClassGrain StudentClass(RosterEntry student) =>
        GrainFactory.GetGrain<IStudentClassGrain>(StudentClassKey.Of(ClassCode, student.StudentUserCode));

    private Outcome NotFound() => Outcome.Fail(ReturnCode.ClassNotFound, $"classCode: no class {ClassCode}");

    /// <summary>A re-sent roster keeps the login accounts the learning platform returned for students already on it.</summary>
    private List<RosterEntry> MergeRoster(IReadOnlyList<RosterEntry> incoming)
    {
        var accounts = Current.Students
            .Where(s => s.StudentUserAccount is not null)
            .ToDictionary(s => s.CardNo, s => s.StudentUserAccount, StringComparer.Ordinal);
        return LastOccurrence.ByCode(incoming, s => s.StudentUserCode)
            .Select(s => s.StudentUserAccount is null && accounts.TryGetValue(s.CardNo, out var account) ? s with { StudentUserAccount = account } : s)
            .ToList();
    }
}
