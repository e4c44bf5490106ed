using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Supervision.Contracts;
using Supervision.Contracts.Classes;
using Supervision.Contracts.Platforms;
using Supervision.Contracts.Students;
using Supervision.Contracts.Study;
using Supervision.Grains.Delivery;

namespace Supervision.Grains.Classes;

public sealed class ClassGrain(
    [PersistentState("class", StorageNames.Main)] IPersistentState<ClassState> state,
    IOptions<IntakeOptions> intake,
    IOptions<DeliveryOptions> delivery,
    DeliveryOutbox outbox,
    ClassDirectory directory,
    PersonKeys personKeys,
    [FromKeyedServices(ClockKey.Name)] TimeProvider time) : Grain, IClassGrain
{
    private string ClassCode => this.GetPrimaryKeyString();

    public async Task<Outcome> Receive(ClassRegistration registration, string businessPlatformCode)
    {
        if (state.RecordExists && state.State.BusinessPlatformCode != businessPlatformCode)
        {
            return Outcome.Fail(ReturnCode.OwnedByAnotherPlatform, $"classCode: class {ClassCode} belongs to another business platform");
        }

        var learningPlatform = await GrainFactory.GetGrain<IPlatformDirectoryGrain>(0).FindLearningPlatformByApiUrl(registration.StudyPlatformApiUrl);
        if (learningPlatform is null)
        {
            return Outcome.Fail(ReturnCode.UnknownLearningPlatform, "studyPlatformApiUrl: no learning platform is registered at this address");
        }

        var students = MergeRoster(registration.Students);
        await Task.WhenAll(students.Select(s => GrainFactory.GetGrain<IStudentGrain>(personKeys.Of(s.CardNo)).Register(
            new StudentRegistration(s.CardNo, s.StudentName, s.StudentUserCode, s.StudentPhone, s.ErcunPhotos, null, registration.StudyPlatformApiUrl)
            {
                LearningPlatformCode = learningPlatform,
            },
            businessPlatformCode)));

        var now = time.GetUtcNow();
        await directory.RecordAsync(ClassCode, registration.TrainClassName, registration.OrgName, now);
        var isNew = !state.RecordExists;
        state.State.TrainClassName = registration.TrainClassName;
        state.State.OrgCode = registration.OrgCode;
        state.State.OrgName = registration.OrgName;
        state.State.WorkName = registration.WorkName ?? state.State.WorkName;
        state.State.LearningPlatformCode = learningPlatform;
        state.State.BusinessPlatformCode = businessPlatformCode;
        state.State.Policy = registration.Policy ?? (isNew ? intake.Value.DefaultPolicy : state.State.Policy);
        state.State.Courses = LastOccurrence.ByCode(registration.Courses, c => c.CourseCode);
        state.State.Students = students;
        state.State.ReceivedAt = now;
        var approving = isNew && intake.Value.AutoApprove;
        if (approving)
        {
            state.State.Approval = ApprovalStatus.Approved;
            state.State.ApprovedAt = now;
        }

        await CommitAsync(approving);
        return Outcome.Ok;
    }

    public async Task<Outcome> SetPolicy(ClassPolicy policy)
    {
        if (!state.RecordExists)
        {
            return NotFound();
        }

        state.State.Policy = policy;
        await CommitAsync(approving: false);
        return Outcome.Ok;
    }

    public async Task<Outcome> Approve()
    {
        if (!state.RecordExists)
        {
            return NotFound();
        }

        state.State.Approval = ApprovalStatus.Approved;
        state.State.ApprovedAt = time.GetUtcNow();
        await CommitAsync(approving: true);
        return Outcome.Ok;
    }

    public async Task<Outcome<IReadOnlyList<StudyRecord>>> StudyRecords(string businessPlatformCode)
    {
        if (!state.RecordExists)
        {
            return NotFound();
        }

        if (state.State.BusinessPlatformCode != businessPlatformCode)
        {
            return Outcome.Fail(ReturnCode.OwnedByAnotherPlatform, $"classCode: class {ClassCode} belongs to another business platform");
        }

        var perStudent = await Task.WhenAll(state.State.Students.Select(async student =>
        {
            var credit = await StudentClass(student).CreditByResource();
            return credit.Select(c => new StudyRecord(ClassCode, student.StudentUserCode, c.CourseCode, c.SectionCode, c.ResCode, c.Seconds));
        }));
        return Outcome<IReadOnlyList<StudyRecord>>.Ok(perStudent.SelectMany(rows => rows).ToList());
    }

    public Task<Outcome<StudyTerms>> Admit(string learningPlatformCode, string studentUserCode, string courseCode, string resCode) =>
        Task.FromResult(Check(learningPlatformCode, studentUserCode, courseCode, resCode));

    private Outcome<StudyTerms> Check(string learningPlatformCode, string studentUserCode, string courseCode, string resCode)
    {
        if (!state.RecordExists)
        {
            return NotFound();
        }

        if (state.State.LearningPlatformCode != learningPlatformCode)
        {
            return Outcome.Fail(ReturnCode.ForeignPlatform, $"classCode: class {ClassCode} is taught by another learning platform");
        }

        if (state.State.Approval != ApprovalStatus.Approved)
        {
            return Outcome.Fail(ReturnCode.ClassNotApproved, $"classCode: class {ClassCode} is not approved yet");
        }

        var student = state.State.Students.FirstOrDefault(s => s.StudentUserCode == studentUserCode);
        if (student is null)
        {
            return Outcome.Fail(ReturnCode.StudentNotFound, $"studentUserCode: {studentUserCode} is not on the roster of class {ClassCode}");
        }

        if (state.State.Courses.Count == 0)
        {
            // A class sent without a course tree: any resource is accepted, its duration unknown.
            return Outcome<StudyTerms>.Ok(new StudyTerms(state.State.Policy, student.CardNo, courseCode, "", resCode, 0));
        }

        var course = state.State.Courses.FirstOrDefault(c => c.CourseCode == courseCode);
        if (course is null)
        {
            return Outcome.Fail(ReturnCode.CourseNotFound, $"courseCode: {courseCode} is not a course of class {ClassCode}");
        }

        foreach (var chapter in course.Chapters)
        {
            if (chapter.Resources.FirstOrDefault(r => r.ResCode == resCode) is { } resource)
            {
                return Outcome<StudyTerms>.Ok(new StudyTerms(state.State.Policy, student.CardNo, courseCode, chapter.ChapterCode, resCode, resource.DurationSeconds));
            }
        }

        return Outcome.Fail(ReturnCode.CourseNotFound, $"resCode: {resCode} is not a resource of course {courseCode} in class {ClassCode}");
    }

    public Task<ClassView?> Describe() => Task.FromResult(state.RecordExists ? View() : null);

    public Task<ClassSummary?> Summarize() => Task.FromResult(state.RecordExists
        ? new ClassSummary(
            ClassCode,
            state.State.TrainClassName,
            state.State.OrgName,
            state.State.LearningPlatformCode,
            state.State.BusinessPlatformCode,
            state.State.Approval,
            state.State.Students.Count,
            state.State.Courses.Count,
            state.State.PushVersion,
            state.State.DeliveredVersion,
            state.State.ReceivedAt)
        : null);

    public async Task<Outcome<IReadOnlyList<StudentProgress>>> Progress()
    {
        if (!state.RecordExists)
        {
            return NotFound();
        }

        var progress = await Task.WhenAll(state.State.Students.Select(async student =>
            new StudentProgress(student, await StudentClass(student).Describe())));
        return Outcome<IReadOnlyList<StudentProgress>>.Ok(progress);
    }

    public async Task RecordPushAnswer(int version, PushAnswer answer)
    {
        if (!state.RecordExists || version < state.State.DeliveredVersion)
        {
            return;
        }

        var accounts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var account in answer.Accounts)
        {
            accounts[account.CardNo] = account.StudentUserAccount;
        }

        state.State.Students = state.State.Students
            .Select(s => accounts.TryGetValue(s.CardNo, out var login) ? s with { StudentUserAccount = login } : s)
            .ToList();
        state.State.PasswordRules = answer.PasswordRules ?? state.State.PasswordRules;
        state.State.DeliveredVersion = version;
        state.State.DeliveredAt = time.GetUtcNow();
        await state.WriteStateAsync();
    }

    private ClassView View() => new(
        ClassCode,
        state.State.TrainClassName,
        state.State.OrgCode,
        state.State.OrgName,
        state.State.WorkName,
        state.State.LearningPlatformCode,
        state.State.BusinessPlatformCode,
        state.State.Policy,
        state.State.Approval,
        state.State.ApprovedAt,
        state.State.Courses,
        state.State.Students)
    {
        PasswordRules = state.State.PasswordRules,
        PushVersion = state.State.PushVersion,
        DeliveredVersion = state.State.DeliveredVersion,
        DeliveredAt = state.State.DeliveredAt,
    };

    /// <summary>
    /// Writes the change, queueing a 1.12 push of an approved class first when an approval asks for one or what
    /// a push sends has changed. The caller hears success only once both are committed; if either fails the
    /// activation is dropped, so the next call starts from the stored state and reuses the same push version.
    /// </summary>
    private async Task CommitAsync(bool approving)
    {
        try
        {
            if (state.State.Approval == ApprovalStatus.Approved)
            {
                await QueuePushAsync(approving);
            }

            await state.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

    private async Task QueuePushAsync(bool approving)
    {
        var digest = PushClassInfoDocument.Digest(View());
        var unchanged = digest == state.State.QueuedDigest;

        // An identical push still waiting to be delivered already carries this approval (a retried approve).
        var waiting = state.State.PushVersion > state.State.DeliveredVersion;
        if (unchanged && (waiting || !approving))
        {
            return;
        }

        var version = state.State.PushVersion + 1;
        await outbox.EnqueuePushAsync(ClassCode, state.State.LearningPlatformCode, version, time.GetUtcNow(), delivery.Value.AttemptLimit);
        state.State.PushVersion = version;
        state.State.QueuedDigest = digest;
    }

    private IStudentClassGrain StudentClass(RosterEntry student) =>
        GrainFactory.GetGrain<IStudentClassGrain>(StudentClassKey.Of(ClassCode, student.StudentUserCode));

    private Outcome NotFound() => Outcome.Fail(ReturnCode.ClassNotFound, $"classCode: no class {ClassCode}");

    /// <summary>A re-sent roster keeps the login accounts the learning platform returned for students already on it.</summary>
    private List<RosterEntry> MergeRoster(IReadOnlyList<RosterEntry> incoming)
    {
        var accounts = state.State.Students
            .Where(s => s.StudentUserAccount is not null)
            .ToDictionary(s => s.CardNo, s => s.StudentUserAccount, StringComparer.Ordinal);
        return LastOccurrence.ByCode(incoming, s => s.StudentUserCode)
            .Select(s => s.StudentUserAccount is null && accounts.TryGetValue(s.CardNo, out var account) ? s with { StudentUserAccount = account } : s)
            .ToList();
    }
}
