using System.ComponentModel;
using Supervision.Contracts.Courses;
using Supervision.Envelope;
using Supervision.Envelope.Declarations;

namespace Supervision.WebFront.Requests;

/// <summary>2.2 courseInfo's data: a course with names and sort orders but no codes.</summary>
public readonly record struct CourseInfoData(
    [property: Url, Description(FieldWords.PlatformUrl)] string StudyPlatformApiUrl,
    [property: Text(256)] string CourseName,
    [property: Text(2048)] string? CoursePoster,
    [property: Objects(1_000)] IReadOnlyList<CourseInfoSectionData>? SectionList)
{
    /// <summary>The course, once its tree is within <see cref="CourseTreeLimits.MaxEntriesPerTree"/> (else 1003 naming data.sectionList).</summary>
    public CourseInfoSubmission Submission(EnvelopeData data)
    {
        var sections = (SectionList ?? []).Select(section => new CourseInfoSection(section.SectionName, section.SectionSort,
            (section.SectionSourceList ?? []).Select(video => new CourseInfoVideo(video.ChapterName, video.VideoUrl, video.ChapterSort, video.Duration ?? 0)).ToList())).ToList();
        return new(StudyPlatformApiUrl, CourseName, CoursePoster,
            CourseTreeLimits.Within(sections, CourseTreeLimits.Entries(sections), CourseTreeLimits.MaxEntriesPerTree, data, "sectionList"));
    }
}
