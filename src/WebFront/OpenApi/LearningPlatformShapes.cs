using System.ComponentModel;

namespace Supervision.WebFront.OpenApi;

/// <summary>Section 1's <c>data</c> and <c>returnData</c> objects, for the OpenAPI document only.</summary>
public static class LearningPlatformShapes
{
    private const string Code = "1–64 letters, digits, '-' or '_'";
    private const string OwnCode = "The calling platform's own code (1105 otherwise)";
    private const string StudentCode = "The student's code on the class roster; the seed's 'student UserCode' is accepted too";

    public sealed record LoginData(
        [property: Description("The platform account the operator registered (the seed's spelling; studyPlatformAccount is accepted too)")] string StudyPlatformAcount,
        [property: Description("Its password (password is accepted too)")] string PassWord);

    public sealed record LoginReturnData(
        [property: Description("The token for headers.userToken, valid 2 hours")] string AcceptToken,
        string StudyPlatformCode,
        string StudyPlatformName);

    public sealed record AuthenticationData(
        [property: Description(OwnCode)] string StudyPlatformCode,
        [property: Description("Resident ID number: 18 characters with the GB 11643 check character, or 15 digits")] string CardNo,
        [property: Description("The name registered under cardNo (spaces ignored; 1302 when it differs)")] string Name);

    public sealed record StartStudyData(
        [property: Description(OwnCode)] string StudyPlatformCode,
        [property: Description("The video (" + Code + ")")] string ResCode,
        [property: Description(StudentCode)] string StudentUserCode,
        string ClassCode,
        string CourseCode,
        string? SectionCode = null);

    public sealed record EndStudyData(
        [property: Description(OwnCode)] string StudyPlatformCode,
        string ResCode,
        [property: Description(StudentCode)] string StudentUserCode,
        string ClassCode);

    public sealed record StudyHourData(
        [property: Description(OwnCode)] string StudyPlatformCode,
        string ResCode,
        [property: Description("Current position in the video, seconds")] int PlayTime,
        [property: Description("Seconds played since the previous report (0–86400)")] int ProgressTime,
        [property: Description(StudentCode)] string StudentUserCode,
        string ClassCode,
        string CourseCode,
        string? SectionCode = null);

    public sealed record StudyHourReturnData(
        [property: Description("Seconds this report earned")] int Credited,
        [property: Description("Seconds earned today (UTC+8) in this class")] int TodayCredited,
        [property: Description("Seconds left under today's studyHourLimit; absent without a limit")] int? TodayRemaining,
        [property: Description("Seconds earned on this video so far")] int ResourceCredited,
        [property: Description("The video's duration, 0 when unknown")] int ResourceDuration,
        [property: Description("Present when an anti-idle check is due: run 1.5→1.6 (face) or 1.7→1.8 (code) before the deadline")] CheckDueData? CheckDue = null);

    public sealed record CheckDueData(
        [property: Description("\"code\" (1.7/1.8) or \"face\" (1.5/1.6)")] string Kind,
        DateTimeOffset DueSince,
        [property: Description("After it, reports earn nothing (1306) until a check passes")] DateTimeOffset Deadline);

    public sealed record CheckRequestData(
        [property: Description(OwnCode)] string StudyPlatformCode,
        string ResCode,
        [property: Description(StudentCode)] string StudentUserCode,
        string ClassCode);

    public sealed record FaceConfigReturnData(
        [property: Description("Validity in minutes, as a string")] string ExpiresTime,
        [property: Description("One-time code for 1.6")] string BizCode);

    public sealed record FaceCompareData(
        [property: Description("0: target is base64; 1: target is an http(s) image URL; 2: either")] int CompareMode,
        [property: Description("The photo: a JPEG or PNG of at most 2 MB and 1920×1080, as base64 (a data: prefix is stripped) or a URL")] string Target,
        [property: Description(OwnCode)] string StudyPlatformCode,
        [property: Description(StudentCode)] string StudentUserCode,
        string ResCode,
        string ClassCode,
        [property: Description("Position in the video, seconds")] int VideoStudyTime,
        [property: Description("From 1.5, for the same student, class and video")] string BizCode);

    public sealed record FaceCompareReturnData(
        string Msg,
        [property: Description("1: the registered student (the check passes); 2: not, or a replayed photo — retake (3 attempts per bizCode)")] int Result);

    public sealed record VerificationCodeReturnData(
        [property: Description("Validity in minutes, as a string")] string ExpiresTime,
        [property: Description("The 4-digit code to show the student")] string VerificationCode,
        [property: Description("One-time code for 1.8")] string BizCode,
        [property: Description("The same code as a PNG, fetchable without a token while the check is pending")] string VerificationImageUrl);

    public sealed record SubmitCodeData(
        [property: Description(OwnCode)] string StudyPlatformCode,
        [property: Description("From 1.7")] string BizCode,
        [property: Description("What the student typed")] string VerificationCode,
        [property: Description("Position in the video, seconds")] int VideoStudyTime);

    public sealed record RecordingData(
        [property: Description(OwnCode)] string StudyPlatformCode,
        string ResCode,
        [property: Description(StudentCode)] string StudentUserCode,
        string ClassCode,
        string CourseCode,
        [property: Description("http(s) URL of the recording")] string RecordVideoUrl,
        string? SectionCode = null);

    public sealed record PhotoData(
        [property: Description(OwnCode)] string StudyPlatformCode,
        [property: Description("Resident ID number of the student")] string CardNo,
        [property: Description("http(s) URL of the new two-inch photo; the old one stays in the history")] string ErcunPhotoUrl);

    public sealed record CoursePackageData(
        string CourseCode,
        string CourseName,
        [property: Description("If present, the calling platform's own code")] string? StudyPlatformCode = null,
        [property: Description("Trade (工种)")] string? WorkName = null,
        [property: Description("0 add, 1 delete, 2 modify")] int? CourseStatus = null,
        string? CoursePoster = null,
        List<CourseChapterData>? ChapterList = null);

    public sealed record CourseChapterData(
        [property: Description("'chapetCode' is accepted too")] string ChapterCode,
        [property: Description("'parentChapertCode' is accepted too")] string? ParentChapterCode = null,
        string? ChapterName = null,
        int? ChapterSort = null,
        List<CourseSectionData>? SectionList = null,
        [property: Description("Nested chapters, as in the seed's example")] List<CourseChapterData>? ChapterList = null);

    public sealed record CourseSectionData(
        string SectionCode,
        string? ParentSectionCode = null,
        string? SectionName = null,
        int? SectionSort = null,
        List<CourseResourceData>? SectionSourceList = null);

    public sealed record CourseResourceData(
        string ResCode,
        string? ResName = null,
        string? VideoUrl = null,
        int? ResSort = null,
        [property: Description("Seconds")] int? Duration = null);
}
