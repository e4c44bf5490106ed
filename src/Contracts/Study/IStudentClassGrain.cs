namespace Supervision.Contracts.Study;

/// <summary>
/// One student in one class, keyed "classCode/studentUserCode" (see <see cref="StudentClassKey"/>): the live
/// session, credit per resource, today's credit against the daily limit and the flags that gate crediting.
/// Every method that changes something answers only after the change and its evidence are committed.
/// </summary>
public interface IStudentClassGrain : IGrainWithStringKey
{
    Task<Outcome> Start(StudyStart start);

    Task<Outcome> End(StudyEnd end);

    Task<Outcome<StudyReceipt>> Report(StudyReport report);

    Task<Outcome> SubmitRecording(RecordingSubmission recording);

    /// <summary>1.5 / 1.7: opens a check (a bizCode) on the open session of that video.</summary>
    Task<Outcome<Checks.CheckIssued>> IssueCheck(Checks.CheckRequest request);

    /// <summary>A check of this student passed; clears what was due up to then. The same pass (bizCode) delivered again changes nothing.</summary>
    Task CheckPassed(Checks.CheckPass pass);

    /// <summary>Another class of the same person started a session: this one's live session stops earning.</summary>
    Task CloseForConcurrentSession(string otherClassCode);

    Task<IReadOnlyList<ResourceCredit>> CreditByResource();

    Task<StudentClassView> Describe();
}
