namespace Supervision.Contracts.Courses;

/// <summary>One catalogue course, keyed by courseCode, owned by the learning platform that first sent it.</summary>
public interface ICourseGrain : IGrainWithStringKey
{
    /// <summary>Adds, modifies or deletes (per <see cref="CoursePackage.CourseStatus"/>) on behalf of a learning platform.</summary>
    Task<Outcome> Apply(CoursePackage package, string learningPlatformCode);

    Task<CourseView?> Describe();
}
