using System.Security.Cryptography;
using System.Text;
using Supervision.Contracts.Courses;

namespace Supervision.Grains.Courses;

/// <summary>
/// 2.2 carries no codes. Each code is a hash of what identifies the node (the platform URL, names and
/// sort orders, and its parent's code), so re-sending the same course yields the same codes.
/// </summary>
public static class CourseCodeDerivation
{
    public static CoursePackage Derive(CourseInfoSubmission submission, string platformUrlKey)
    {
        var courseCode = Code(platformUrlKey, submission.CourseName);
        var chapters = LastOccurrence.ByCode(
            submission.Sections.Select(section =>
            {
                var sectionCode = Code(courseCode, section.SectionName, section.SectionSort.ToString());
                var resources = LastOccurrence.ByCode(
                    section.Videos.Select(video => new CourseResource(
                        Code(sectionCode, video.ChapterName, video.ChapterSort.ToString()),
                        video.ChapterName,
                        video.VideoUrl,
                        video.ChapterSort,
                        video.DurationSeconds)),
                    r => r.ResCode);
                return new CourseChapter(sectionCode, null, section.SectionName, section.SectionSort,
                    [new CourseSection(sectionCode, null, section.SectionName, section.SectionSort, resources)], []);
            }),
            c => c.ChapterCode);
        return new CoursePackage(courseCode, submission.CourseName, null, CourseStatus.Add, submission.CoursePoster, chapters);
    }

    private static string Code(params string[] parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
