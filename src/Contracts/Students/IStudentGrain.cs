namespace Supervision.Contracts.Students;

/// <summary>One person, keyed by resident ID number: identity, name, photo.</summary>
public interface IStudentGrain : IGrainWithStringKey
{
    /// <summary>2.3 and class rosters: creates or updates the person; the latest name and photo win.</summary>
    Task Register(StudentRegistration registration, string businessPlatformCode);

    Task<StudentView?> Describe();
}
