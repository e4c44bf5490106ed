namespace Supervision.Contracts.Courses;

/// <summary>Turns 1.13 pushes and 2.2 submissions into catalogue courses.</summary>
public interface ICourseIntakeGrain : IGrainWithIntegerKey
{
    /// <summary>1.13: within one push the last package of a course code wins.</summary>
    [ResponseTimeout(BulkCallTimeout.Value)]
    Task<Outcome> Push(IReadOnlyList<CoursePackage> packages, string learningPlatformCode);

    /// <summary>
    /// 2.2: derives stable codes from the platform URL, names and sort orders, stores the course for
    /// <paramref name="businessPlatformCode"/>, answers it with its codes. Another business platform's course is refused.
    /// </summary>
    Task<Outcome<CoursePackage>> SubmitCourseInfo(CourseInfoSubmission submission, string businessPlatformCode);
}
