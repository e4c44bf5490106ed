using Supervision.Contracts.Courses;

namespace Supervision.Envelope;

/// <summary>1.13/1.14's course package: chapters (which may nest) → sections → resources.</summary>
public static class CoursePackageParser
{
    public static CoursePackage Parse(EnvelopeData package)
    {
        var parsed = new CoursePackage(
            package.Code("courseCode"),
            package.Text("courseName", 256),
            package.OptionalText("workName", 128),
            (CourseStatus)(package.OptionalInteger("courseStatus", 0, 2) ?? 0),
            package.OptionalText("coursePoster", 2048),
            package.Objects("chapterList", 1_000).Select(Chapter).ToList());
        return CourseTreeLimits.Within(parsed, CourseTreeLimits.Entries(parsed), CourseTreeLimits.MaxEntriesPerTree, package, "chapterList");
    }

    /// <summary>A 1.13 push or a 1.14 page: each package within its own bound, and all of them within the request's.</summary>
    public static IReadOnlyList<CoursePackage> ParseAll(IReadOnlyList<EnvelopeData> packages, string path, Func<EnvelopeData, CoursePackage>? parse = null)
    {
        var parsed = packages.Select(parse ?? Parse).ToList();
        return CourseTreeLimits.Within(parsed, parsed.Sum(CourseTreeLimits.Entries), CourseTreeLimits.MaxEntriesPerRequest, path);
    }

    private static CourseChapter Chapter(EnvelopeData chapter) => new(
        chapter.Code("chapterCode", "chapetCode"),
        chapter.OptionalCode("parentChapterCode", "parentChapertCode"),
        chapter.OptionalText("chapterName", 256),
        (int)(chapter.OptionalInteger("chapterSort", int.MinValue) ?? 0),
        chapter.Objects("sectionList", 1_000).Select(Section).ToList(),
        chapter.Objects("chapterList", 1_000).Select(Chapter).ToList());

    private static CourseSection Section(EnvelopeData section) => new(
        section.Code("sectionCode"),
        section.OptionalCode("parentSectionCode"),
        section.OptionalText("sectionName", 256),
        (int)(section.OptionalInteger("sectionSort", int.MinValue) ?? 0),
        section.Objects("sectionSourceList", 1_000).Select(Resource).ToList());

    private static CourseResource Resource(EnvelopeData resource) => new(
        resource.Code("resCode"),
        resource.OptionalText("resName", 256),
        resource.OptionalUrl("videoUrl"),
        (int)(resource.OptionalInteger("resSort", int.MinValue) ?? 0),
        (int)(resource.OptionalInteger("duration", 0, 7 * 24 * 3600) ?? 0));
}
