using System.ComponentModel;
using Supervision.Contracts.Courses;
using Supervision.Envelope.Declarations;

namespace Supervision.Envelope.CoursePackages;

/// <summary>
/// A course package: each element of 1.13 thirdCoursePush's data, and of the list a 1.14 thirdCoursePull page answers.
/// One declaration for both, so a package pushed and a package pulled are read, and documented, alike.
/// </summary>
public readonly record struct CoursePackageData(
    [property: Text(64), Description("1.13: if present, the calling platform's own code (1105 otherwise). 1.14: read, not compared (the pull names the platform)")] string? StudyPlatformCode,
    [property: Code] string CourseCode,
    [property: Text(256)] string CourseName,
    [property: Text(128), Description("Trade (工种)")] string? WorkName,
    [property: Integer(0, 2), Description("0 add, 1 delete, 2 modify")] int? CourseStatus,
    [property: Text(2048)] string? CoursePoster,
    [property: Objects(1_000)] IReadOnlyList<CourseChapterData>? ChapterList)
{
    /// <summary>The course, once its tree is within <see cref="CourseTreeLimits.MaxEntriesPerTree"/> (else 1003 naming the package's chapterList).</summary>
    public CoursePackage Package(EnvelopeData package)
    {
        var parsed = new CoursePackage(CourseCode, CourseName, WorkName, (CourseStatus)(CourseStatus ?? 0), CoursePoster,
            (ChapterList ?? []).Select(chapter => chapter.Chapter()).ToList());
        return CourseTreeLimits.Within(parsed, CourseTreeLimits.Entries(parsed), CourseTreeLimits.MaxEntriesPerTree, package, "chapterList");
    }
}
