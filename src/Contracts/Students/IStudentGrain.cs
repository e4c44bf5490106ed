namespace Supervision.Contracts.Students;

/// <summary>One person, keyed by resident ID number: identity, name, photo.</summary>
public interface IStudentGrain : IGrainWithStringKey
{
    /// <summary>
    /// 2.3 and class rosters: creates or updates the business platform's own record of the person; other platforms' records
    /// stay as they are. A photo swapped once study began is fetched to be kept with its anomaly, hence the fetch's timeout.
    /// </summary>
    [ResponseTimeout(PhotoFetchCallTimeout.Value)]
    Task Register(StudentRegistration registration, string businessPlatformCode);

    /// <summary>1.2: the name must match a record of a class the calling learning platform teaches; each matching record is verified. The outcome is evidence.</summary>
    Task<Outcome> Authenticate(string name, string platformCode, Study.DeviceInfo device);

    /// <summary>Whether a name check passed against the record of <paramref name="businessPlatformCode"/>: the one the class being studied sees.</summary>
    Task<bool> IsRealNameVerified(string businessPlatformCode);

    /// <summary>The person's live session, wherever it is, as last recorded; whether it still plays, its own student-class knows.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<LiveSession?> CurrentLiveSession();

    /// <summary>Records a new live session; answers the person's other live session in another class, if any, which the caller closes.</summary>
    Task<LiveSession?> BeginLiveSession(LiveSession session);

    /// <summary>1.11: a new two-inch photo; earlier ones stay in the history, and a change once study began is an anomaly.</summary>
    [ResponseTimeout(PhotoFetchCallTimeout.Value)]
    Task<Outcome> ReplacePhoto(string url, string platformCode, Study.DeviceInfo device);

    /// <summary>The record of <paramref name="businessPlatformCode"/>, whose photo a face check of its classes compares with.</summary>
    Task<PersonRecordView?> RecordOf(string businessPlatformCode);

    Task<StudentView?> Describe();
}
