namespace Supervision.Contracts.Courses;

/// <summary>One catalogue course, keyed by courseCode, owned by the learning platform that first sent it.</summary>
public interface ICourseGrain : IGrainWithStringKey
{
    /// <summary>
    /// Adds, modifies or deletes (per <see cref="CoursePackage.CourseStatus"/>) on behalf of a learning platform, and
    /// of the business platform that registered it through 2.2 (<paramref name="businessPlatformCode"/>; null for 1.13
    /// and 1.14). A course a business platform registered is that platform's: another one's 2.2 is refused.
    /// </summary>
    Task<Outcome> Apply(CoursePackage package, string learningPlatformCode, string? businessPlatformCode);

    Task<CourseView?> Describe();
}
