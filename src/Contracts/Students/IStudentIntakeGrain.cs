namespace Supervision.Contracts.Students;

/// <summary>2.3: checks a whole batch before writing any of it, so a bad entry changes nothing.</summary>
public interface IStudentIntakeGrain : IGrainWithIntegerKey
{
    [ResponseTimeout(BulkCallTimeout.Value)]
    Task<Outcome> Register(IReadOnlyList<StudentRegistration> students, string businessPlatformCode);
}
