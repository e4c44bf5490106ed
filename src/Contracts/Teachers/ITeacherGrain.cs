namespace Supervision.Contracts.Teachers;

/// <summary>One teacher, keyed by teaCode, owned by the business platform that first sent it.</summary>
public interface ITeacherGrain : IGrainWithStringKey
{
    Task<Outcome> Register(TeacherRegistration registration, string businessPlatformCode);

    Task<TeacherRegistration?> Describe();
}
