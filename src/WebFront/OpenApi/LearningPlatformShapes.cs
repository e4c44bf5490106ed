using System.ComponentModel;

namespace Supervision.WebFront.OpenApi;

/// <summary>
/// Section 1's <c>returnData</c> objects: the records the handlers answer with, so the document describes what is written
/// (Front/DeclaredReferenceTests checks the live answers' fields against it). 1.10's answer is the grain's StudyReceipt,
/// written as it comes (the hot path copies nothing): <see cref="StudyHourReturnData"/> describes it, and the same test
/// holds the two together. The requests' data are declared once (in Requests, and 1.13's course packages in
/// Supervision.Envelope.CoursePackages).
/// </summary>
public static class LearningPlatformShapes
{
    public sealed record LoginReturnData(
        [property: Description("The token for headers.userToken, valid 2 hours")] string AcceptToken,
        string StudyPlatformCode,
        string StudyPlatformName);

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

    public sealed record FaceConfigReturnData(
        [property: Description("Validity in minutes, as a string")] string ExpiresTime,
        [property: Description("One-time code for 1.6")] string BizCode);

    public sealed record FaceCompareReturnData(
        string Msg,
        [property: Description("1: the registered student (the check passes); 2: not, or a replayed photo — retake (3 attempts per bizCode)")] int Result);

    public sealed record VerificationCodeReturnData(
        [property: Description("Validity in minutes, as a string")] string ExpiresTime,
        [property: Description("The 4-digit code to show the student")] string VerificationCode,
        [property: Description("One-time code for 1.8")] string BizCode,
        [property: Description("The same code as a PNG, fetchable without a token while the check is pending")] string VerificationImageUrl);
}
