namespace Supervision.Contracts.Students;

/// <summary>One person, keyed by resident ID number: identity, name, photo.</summary>
public interface IStudentGrain : IGrainWithStringKey
{
    /// <summary>2.3 and class rosters: creates or updates the person; the latest name and photo win.</summary>
    Task Register(StudentRegistration registration, string businessPlatformCode);

    /// <summary>1.2: the name must match the one registered under this ID number. The outcome is evidence.</summary>
    Task<Outcome> Authenticate(string name, string platformCode, Study.DeviceInfo device);

    Task<bool> IsRealNameVerified();

    /// <summary>Records a new live session; answers the person's other live session in another class, if any, which the caller closes.</summary>
    Task<LiveSession?> BeginLiveSession(LiveSession session);

    Task EndLiveSession(Guid sessionId);

    /// <summary>1.11: a new two-inch photo; earlier ones stay in the history, and a change once study began is an anomaly.</summary>
    Task<Outcome> ReplacePhoto(string url, string platformCode, Study.DeviceInfo device);

    Task<StudentView?> Describe();
}
