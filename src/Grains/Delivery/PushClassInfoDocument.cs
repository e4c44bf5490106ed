using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Supervision.Contracts.Classes;

namespace Supervision.Grains.Delivery;

/// <summary>
/// The data object of 1.12 pushClassInfo, shaped and spelled like the seed's example (policy values as
/// strings, the trigger under videoOnHookDetail, course → children chapters → children resources).
/// Chapters carry both chapterCode (the field table) and chapetCode (the example) so either reader finds it.
/// </summary>
public static class PushClassInfoDocument
{
    public static JsonObject From(ClassView view)
    {
        var policy = view.Policy;
        var data = new JsonObject
        {
            ["classCode"] = view.ClassCode,
            ["trainClassName"] = view.TrainClassName,
            ["orgCode"] = view.OrgCode,
            ["orgName"] = view.OrgName,
            ["workName"] = view.WorkName ?? "",
            ["realNameAuthentication"] = Flag(policy.RealNameAuthentication),
            ["studyHourLimit"] = Number(policy.StudyHourLimit),
            ["faceTimeLimit"] = Number(policy.FaceTimeLimit),
            ["videoOnHook"] = Number(policy.VideoOnHook),
            ["videoOnHookDetail"] = new JsonObject
            {
                ["triggerType"] = policy.TriggerType is { } type ? Number(type) : null,
                ["triggervValue"] = policy.TriggerValue is { } value ? Number(value) : null,
            },
            ["videoStartFace"] = Flag(policy.VideoStartFace),
            ["videoPlayRecord"] = Flag(policy.VideoPlayRecord),
            ["thirdClassCourseInfoVoList"] = new JsonArray(view.Courses.Select(Course).ToArray<JsonNode?>()),
            ["thirdClassStudentInfoVoList"] = new JsonArray(view.Students.Select(Student).ToArray<JsonNode?>()),
        };
        return data;
    }

    /// <summary>Identifies what a push would send, so an unchanged class is not pushed again.</summary>
    public static string Digest(ClassView view) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(From(view).ToJsonString())));

    private static JsonObject Course(ClassCourse course) => new()
    {
        ["courseCode"] = course.CourseCode,
        ["title"] = course.Title,
        ["sort"] = course.Sort,
        ["children"] = new JsonArray(course.Chapters.Select(Chapter).ToArray<JsonNode?>()),
    };

    private static JsonObject Chapter(ClassChapter chapter) => new()
    {
        ["chapterCode"] = chapter.ChapterCode,
        ["chapetCode"] = chapter.ChapterCode,
        ["title"] = chapter.Title,
        ["sort"] = chapter.Sort,
        ["children"] = new JsonArray(chapter.Resources.Select(Resource).ToArray<JsonNode?>()),
    };

    private static JsonObject Resource(ClassResource resource) => new()
    {
        ["resCode"] = resource.ResCode,
        ["resType"] = resource.ResType,
        ["sort"] = resource.Sort,
        ["title"] = resource.Title,
        ["videoUrl"] = resource.VideoUrl,
        ["videoTimeLength"] = Number(resource.DurationSeconds),
    };

    private static JsonObject Student(RosterEntry student) => new()
    {
        ["cardNo"] = student.CardNo,
        ["studentUserCode"] = student.StudentUserCode,
        ["studentName"] = student.StudentName,
        ["studentPhone"] = student.StudentPhone,
        ["ercunPhotos"] = student.ErcunPhotos,
    };

    private static string Flag(bool value) => value ? "1" : "0";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
