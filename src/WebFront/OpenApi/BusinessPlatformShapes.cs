using System.ComponentModel;
using Supervision.WebFront.Requests;

namespace Supervision.WebFront.OpenApi;

/// <summary>
/// Section 2's <c>returnData</c> objects: the records the handlers answer with, so the document describes what is
/// written (Front/DeclaredReferenceTests checks the live answers' fields against it). The requests' data are declared
/// once in Requests.
/// </summary>
public static class BusinessPlatformShapes
{
    public sealed record CourseInfoReturnData(
        [property: Description("Derived from the platform URL and the course name: stable across resubmissions")] string CourseCode,
        string CourseName,
        List<CourseInfoSectionCodes> SectionList);

    public sealed record CourseInfoSectionCodes(string SectionCode, string? SectionName, int SectionSort, List<CourseInfoVideoCodes> SectionSourceList);

    public sealed record CourseInfoVideoCodes(string ResCode, string? ChapterName, int ChapterSort, int Duration);

    public sealed record StudyRecordData(
        string ResCode,
        [property: Description("Credited seconds, as a string")] string PlayTime,
        string? SectionCode,
        string ClassCode,
        string CourseCode,
        [property: Description("The student's code (studentUserCode)")] string UserCode);
}
