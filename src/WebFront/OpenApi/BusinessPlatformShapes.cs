using System.ComponentModel;
using Supervision.WebFront.Requests;

namespace Supervision.WebFront.OpenApi;

/// <summary>
/// Section 2's <c>returnData</c> objects and 2.4's data, for the OpenAPI document only. 2.1's, 2.2's, 2.3's and 2.5's data
/// are declared once in Requests, where the reader and the document both read them.
/// </summary>
public static class BusinessPlatformShapes
{
    public sealed record CourseInfoReturnData(
        [property: Description("Derived from the platform URL and the course name: stable across resubmissions")] string CourseCode,
        string CourseName,
        List<CourseInfoSectionCodes> SectionList);

    public sealed record CourseInfoSectionCodes(string SectionCode, string SectionName, int SectionSort, List<CourseInfoVideoCodes> SectionSourceList);

    public sealed record CourseInfoVideoCodes(string ResCode, string ChapterName, int ChapterSort, int Duration);

    public sealed record ClassData(
        [property: Description(FieldWords.PlatformUrl)] string StudyPlatformApiUrl,
        string ClassCode,
        string TrainClassName,
        string OrgCode,
        string OrgName,
        List<ClassCourseData> ThirdClassCourseInfoVoList,
        List<ClassStudentData> ThirdClassStudentInfoVoList,
        string? WorkName = null,
        [property: Description("Policy fields (1.12's names) are accepted too: realNameAuthentication, studyHourLimit, faceTimeLimit, videoOnHook, videoOnHookDetail, videoStartFace, videoPlayRecord")] int? RealNameAuthentication = null);

    public sealed record ClassCourseData(string CourseCode, string? Title = null, int? Sort = null, List<ClassChapterData>? Children = null);

    public sealed record ClassChapterData(
        [property: Description("'chapetCode' is accepted too")] string ChapterCode,
        string? Title = null,
        int? Sort = null,
        List<ClassResourceData>? Children = null);

    public sealed record ClassResourceData(
        string ResCode,
        string? ResType = null,
        int? Sort = null,
        string? Title = null,
        string? VideoUrl = null,
        [property: Description("Seconds; caps the credit on this video")] int? VideoTimeLength = null);

    public sealed record ClassStudentData(
        [property: Description("Resident ID number")] string CardNo,
        [property: Description("The code section 1 calls studentUserCode (studentUserCode is accepted here too)")] string StudentCode,
        string StudentName,
        string? StudentPhone = null,
        [property: Description("http(s) URL of the two-inch photo")] string? ErcunPhotos = null);

    public sealed record StudyRecordData(
        string ResCode,
        [property: Description("Credited seconds, as a string")] string PlayTime,
        string? SectionCode,
        string ClassCode,
        string CourseCode,
        [property: Description("The student's code (studentUserCode)")] string UserCode);
}
