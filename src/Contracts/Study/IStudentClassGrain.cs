using Orleans.Concurrency;

namespace Supervision.Contracts.Study;

/// <summary>
/// One student in one class, keyed "classCode/studentUserCode" (see <see cref="StudentClassKey"/>): the clock
/// bank, each video's credit and anti-idle schedule, today's credit against the daily limit, the gates, and the
/// spans of study recorded on them.
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

    /// <summary>
    /// A reviewer found check <c>BizCode</c>'s photo to be another person's: the credit its pass let the video earn,
    /// up to the next pass, is taken back, the video earns nothing more until the next pass, and an anomaly is raised.
    /// Answers the seconds voided; the same rejection delivered again changes nothing and answers 0.
    /// </summary>
    Task<int> RejectFaceCheck(Reviews.FaceCheckRejection rejection);

    /// <summary>
    /// The crowd analysis found this account in lockstep with other people's: raises a crowd flag (credit kept, under
    /// review) unless one is already under review. Answers whether a flag was raised.
    /// </summary>
    Task<bool> RaiseCrowdFlag(CrowdFlag flag);

    /// <summary>
    /// An operator voids or clears a crowd or bot flag of this learner: a void takes back what the learner was credited
    /// in the class from the flag's start to now; either is recorded as flag_decision evidence. Decided once.
    /// </summary>
    Task<Outcome<FlagOutcome>> DecideFlag(FlagDecision decision);

    /// <summary>
    /// The same person started studying in another class, on learning platform <paramref name="otherPlatformCode"/>,
    /// at <paramref name="at"/>: the study here closes and its clock stops. One-way, so that the caller never waits
    /// on a grain that may be waiting on it.
    /// </summary>
    [OneWay]
    Task YieldTo(string otherClassCode, string otherPlatformCode, DateTimeOffset at);

    /// <summary>
    /// The learning platform whose study here is live at <paramref name="at"/> (open, and active within the window of
    /// concurrent study), or null. Reads committed state only, so it interleaves: the person's other class asks it
    /// while this one may be waiting on the person.
    /// </summary>
    [AlwaysInterleave]
    Task<string?> LivePlatform(DateTimeOffset at);

    /// <summary>Reads committed state only, so it interleaves: a class-wide read never waits behind a learner's call, nor blocks it.</summary>
    [AlwaysInterleave]
    /// <summary>The credit of the person with <paramref name="cardNo"/>: none when the study here is another person's.</summary>
    Task<IReadOnlyList<ResourceCredit>> CreditByResource(string cardNo);

    [AlwaysInterleave]
    Task<StudentClassView> Describe();
}
