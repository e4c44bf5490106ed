namespace Supervision.Contracts.Teachers;

/// <summary>One teacher of one business platform, keyed by <see cref="TeacherKey"/> (a teacher stored before that, by its bare teaCode).</summary>
public interface ITeacherGrain : IGrainWithStringKey
{
    Task<Outcome> Register(TeacherRegistration registration, string businessPlatformCode);

    Task<TeacherRegistration?> Describe();
}
