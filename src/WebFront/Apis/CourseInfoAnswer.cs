using Supervision.Contracts.Courses;

namespace Supervision.WebFront.Apis;

/// <summary>2.2's returnData: the codes the platform derived, under 2.2's own names (sections hold chapters).</summary>
public static class CourseInfoAnswer
{
    public static object From(CoursePackage package) => new
    {
        courseCode = package.CourseCode,
        courseName = package.CourseName,
        sectionList = package.Chapters.Select(section => new
        {
            sectionCode = section.ChapterCode,
            sectionName = section.ChapterName,
            sectionSort = section.ChapterSort,
            sectionSourceList = section.Sections.SelectMany(s => s.Resources).Select(video => new
            {
                resCode = video.ResCode,
                chapterName = video.ResName,
                chapterSort = video.ResSort,
                duration = video.DurationSeconds,
            }).ToList(),
        }).ToList(),
    };
}
