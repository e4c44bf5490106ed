using Supervision.Contracts.Courses;
using static Supervision.WebFront.OpenApi.BusinessPlatformShapes;

namespace Supervision.WebFront.Apis;

/// <summary>2.2's returnData: the codes the platform derived, under 2.2's own names (sections hold chapters).</summary>
public static class CourseInfoAnswer
{
    public static CourseInfoReturnData From(CoursePackage package) => new(
        package.CourseCode,
        package.CourseName,
        package.Chapters.Select(section => new CourseInfoSectionCodes(
            section.ChapterCode,
            section.ChapterName,
            section.ChapterSort,
            section.Sections.SelectMany(s => s.Resources).Select(video => new CourseInfoVideoCodes(video.ResCode, video.ResName, video.ResSort, video.DurationSeconds)).ToList())).ToList());
}
