using Supervision.Contracts.Courses;
using Supervision.WebFront.Envelope;

namespace Supervision.WebFront.Parsing;

/// <summary>2.2's course, which carries names and sort orders but no codes.</summary>
public static class CourseInfoParser
{
    public static CourseInfoSubmission Parse(EnvelopeData data) => new(
        data.Url("studyPlatformApiUrl"),
        data.Text("courseName", 256),
        data.OptionalText("coursePoster", 2048),
        Sections(data));

    private static List<CourseInfoSection> Sections(EnvelopeData data)
    {
        var sections = data.Objects("sectionList", 1_000).Select(section => new CourseInfoSection(
            section.Text("sectionName", 256),
            (int)section.Integer("sectionSort", int.MinValue),
            section.Objects("sectionSourceList", 1_000).Select(video => new CourseInfoVideo(
                video.Text("chapterName", 256),
                video.OptionalUrl("videoUrl"),
                (int)video.Integer("chapterSort", int.MinValue),
                (int)(video.OptionalInteger("duration", 0, 7 * 24 * 3600) ?? 0))).ToList())).ToList();
        return CourseTreeLimits.Within(sections, CourseTreeLimits.Entries(sections), CourseTreeLimits.MaxEntriesPerTree, data, "sectionList");
    }
}
