namespace Supervision.Contracts.Classes;

/// <summary>One class, keyed by classCode: policy, roster, course tree, owning platforms, approval.</summary>
public interface IClassGrain : IGrainWithStringKey
{
    /// <summary>2.4: creates or updates the class for the business platform that sent it.</summary>
    [ResponseTimeout(BulkCallTimeout.Value)]
    Task<Outcome> Receive(ClassRegistration registration, string businessPlatformCode);

    /// <summary>The operator sets the class's policy, which fixes it and settles any proposal; recorded as evidence with who did it.</summary>
    Task<Outcome> SetPolicy(ClassPolicy policy, Evidence.OperatorAction by);

    /// <summary>Approves the class, or approves it again (its push is sent again); recorded as evidence with who did it.</summary>
    Task<Outcome> Approve(Evidence.OperatorAction by);

    /// <summary>2.5 for the business platform that owns the class.</summary>
    [ResponseTimeout(BulkCallTimeout.Value)]
    Task<Outcome<IReadOnlyList<StudyRecord>>> StudyRecords(string businessPlatformCode);

    /// <summary>2.5's rows for the operator (no owner check): from what the learners committed, so no learner is woken.</summary>
    [ResponseTimeout(BulkCallTimeout.Value)]
    Task<Outcome<IReadOnlyList<StudyRecord>>> CommittedStudyRecords();

    /// <summary>
    /// Checks that a learning platform may report study of this student on this resource: the class exists,
    /// is approved and is the platform's; the student is on the roster; the resource is in the course tree.
    /// </summary>
    Task<Outcome<StudyTerms>> Admit(string learningPlatformCode, string studentUserCode, string courseCode, string resCode);

    Task<ClassView?> Describe();

    Task<ClassSummary?> Summarize();

    /// <summary>Every student on the roster with their study in the class, for the operator (no owner check).</summary>
    [ResponseTimeout(BulkCallTimeout.Value)]
    Task<Outcome<IReadOnlyList<StudentProgress>>> Progress();

    /// <summary>
    /// Stores what the learning platform answered to the 1.12 push of <paramref name="version"/>: logins on the
    /// roster (by cardNo) and the password rule. An answer to a push older than the last recorded one is ignored.
    /// </summary>
    Task RecordPushAnswer(int version, PushAnswer answer);
}
