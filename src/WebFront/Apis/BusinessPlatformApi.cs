using Supervision.Contracts;
using Supervision.Contracts.Classes;
using Supervision.Contracts.Courses;
using Supervision.Contracts.Platforms;
using Supervision.Contracts.Students;
using Supervision.Contracts.Teachers;
using Supervision.WebFront.Envelope;
using Supervision.WebFront.Keys;
using Supervision.WebFront.Parsing;

namespace Supervision.WebFront.Apis;

/// <summary>Section 2: what business platforms send (teachers, courses, students, classes) and ask (2.5).</summary>
public static class BusinessPlatformApi
{
    public static void MapBusinessPlatformApi(this IEndpointRouteBuilder routes)
    {
        routes.MapEnvelope(["/api/user/v1/teacherInfo"], Access.BusinessPlatform, async call =>
        {
            var teacher = TeacherParser.Parse(call.Data);
            return EnvelopeAnswer.From(await call.Grains.GetGrain<ITeacherGrain>(TeacherKey.Of(call.Caller.Code, teacher.TeaCode)).Register(teacher, call.Caller.Code));
        });

        routes.MapEnvelope(["/api/course/v1/courseInfo"], Access.BusinessPlatform, async call =>
        {
            var course = CourseInfoParser.Parse(call.Data);
            var outcome = await call.Grains.GetGrain<ICourseIntakeGrain>(0).SubmitCourseInfo(course, call.Caller.Code);
            return EnvelopeAnswer.From(outcome, CourseInfoAnswer.From);
        });

        routes.MapEnvelope(["/api/user/v1/studentInfo"], Access.BusinessPlatform, async call =>
        {
            var students = call.DataArray(10_000).Select(StudentParser.Parse).ToList();
            return await RefusedIntakeAsync(call, "data", students.Count)
                ?? EnvelopeAnswer.From(await call.Grains.GetGrain<IStudentIntakeGrain>(0).Register(students, call.Caller.Code));
        });

        routes.MapEnvelope(["/api/class/v1/pushClassInfo"], Access.BusinessPlatform, async call =>
        {
            var registration = ClassRegistrationParser.Parse(call.Data);
            return await RefusedClassAsync(call, registration.ClassCode)
                ?? await RefusedIntakeAsync(call, "thirdClassStudentInfoVoList", registration.Students.Count)
                ?? EnvelopeAnswer.From(await call.Grains.GetGrain<IClassGrain>(registration.ClassCode).Receive(registration, call.Caller.Code));
        });

        routes.MapEnvelope(["/api/class/v1/classStudentStudy"], Access.BusinessPlatform, async call =>
        {
            var classCode = call.Data.Code("classCode");
            await call.Services.GetRequiredService<StoredKeys>().RequireOwnClassAsync(classCode, call.Caller.Code, call.Aborted);
            var outcome = await call.Grains.GetGrain<IClassGrain>(classCode).StudyRecords(call.Caller.Code);
            return EnvelopeAnswer.From(outcome, records => records.Select(r => new
            {
                resCode = r.ResCode,
                playTime = r.PlayTimeSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                sectionCode = r.SectionCode,
                classCode = r.ClassCode,
                courseCode = r.CourseCode,
                userCode = r.UserCode,
            }).ToList());
        });
    }

    /// <summary>
    /// The refusal of a 2.4 that the class would refuse, or that would make a class past the platform's bound; null
    /// when it may go on. Asked before the class is called, so neither activates a class for a code it will not store.
    /// </summary>
    private static async Task<EnvelopeAnswer?> RefusedClassAsync(EnvelopeCall call, string classCode)
    {
        var keys = call.Services.GetRequiredService<StoredKeys>();
        var owner = await keys.ClassOwnerAsync(classCode, call.Aborted);
        if (owner is { Length: > 0 } && owner != call.Caller.Code)
        {
            return new EnvelopeAnswer(ReturnCode.OwnedByAnotherPlatform, ClassCodeTaken(classCode));
        }

        var limit = call.Services.GetRequiredService<FrontOptions>().ClassesPerBusinessPlatform;
        return owner is null && await keys.ClassCountAsync(call.Caller.Code, call.Aborted) >= limit
            ? new EnvelopeAnswer(ReturnCode.PlatformLimitReached, $"classCode: this platform has registered {limit} classes, the most one platform may (Supervision:Front:ClassesPerBusinessPlatform); nothing was stored")
            : null;
    }

    /// <summary>Class codes are one namespace (learning platforms name a class by its code alone): the words say the code cannot be used, not whose it is.</summary>
    private static string ClassCodeTaken(string classCode) => $"classCode: {classCode} cannot be used by this platform; choose another code";

    /// <summary>
    /// The refusal of a request over the platform's intake bounds, or null when it may go on. Asked after the whole
    /// request parsed, so a malformed one is told what is wrong with it and costs the platform none of its rate.
    /// </summary>
    private static async Task<EnvelopeAnswer?> RefusedIntakeAsync(EnvelopeCall call, string field, int people)
    {
        var admitted = await call.Grains.GetGrain<IIntakeAllowanceGrain>(call.Caller.Code).Admit(field, people);
        return admitted.Succeeded ? null : new EnvelopeAnswer(admitted.Code, admitted.Message,
            statusCode: admitted.Code == ReturnCode.TooManyRequests ? StatusCodes.Status429TooManyRequests : StatusCodes.Status200OK);
    }
}
