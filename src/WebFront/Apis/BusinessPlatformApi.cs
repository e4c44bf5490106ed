using Supervision.Contracts;
using Supervision.Contracts.Classes;
using Supervision.Contracts.Courses;
using Supervision.Contracts.Platforms;
using Supervision.Contracts.Students;
using Supervision.Contracts.Teachers;
using Supervision.WebFront.Declarations;
using Supervision.WebFront.Envelope;
using Supervision.WebFront.Keys;
using Supervision.WebFront.OpenApi;
using Supervision.WebFront.Requests;
using static Supervision.WebFront.OpenApi.BusinessPlatformShapes;

namespace Supervision.WebFront.Apis;

/// <summary>
/// Section 2: what business platforms send (teachers, courses, students, classes) and ask (2.5). Each endpoint is
/// declared here once: its data (a record in Requests, which both the reader and the document come from), its summary,
/// its answer and the failure codes it adds to its group's.
/// </summary>
public static class BusinessPlatformApi
{
    public static void MapBusinessPlatformApi(this IEndpointRouteBuilder routes)
    {
        var business = routes.MapGroup("").WithTags(ApiSections.BusinessTag).AnswersFaults()
            .Fails([.. ApiSections.EnvelopeCodes, .. ApiSections.TokenCodes, .. ApiSections.ServiceCodes]);

        business.MapEnvelope<TeacherData>(["/api/user/v1/teacherInfo"], Access.BusinessPlatform, async (call, data) =>
            EnvelopeAnswer.From(await call.Grains.GetGrain<ITeacherGrain>(TeacherKey.Of(call.Caller.Code, data.TeaCode)).Register(data.Registration(), call.Caller.Code)))
            .WithSummary("2.1 teacherInfo: register a teacher")
            .WithDescription("Upsert by teaCode within the calling platform: teacher codes are each business platform's own, so another platform's teacher of the same code is another teacher.")
            .Answers().Fails(ReturnCode.UnknownLearningPlatform, ReturnCode.PlatformLimitReached);

        business.MapEnvelope<CourseInfoData>(["/api/course/v1/courseInfo"], Access.BusinessPlatform, async (call, data) =>
            EnvelopeAnswer.From(await call.Grains.GetGrain<ICourseIntakeGrain>(0).SubmitCourseInfo(data.Submission(call.Data), call.Caller.Code), CourseInfoAnswer.From))
            .WithSummary("2.2 courseInfo: register a course")
            .WithDescription("The course carries no codes: the platform derives stable courseCode, sectionCode and resCode values and returns them. "
                + "A course belongs to the business platform that registered it: another platform's 2.2 of the same names for the same learning platform is refused (1206).")
            .Answers<CourseInfoReturnData>().Fails(ReturnCode.UnknownLearningPlatform, ReturnCode.OwnedByAnotherPlatform, ReturnCode.PlatformLimitReached);

        business.MapEnvelopeList<StudentData>(["/api/user/v1/studentInfo"], Access.BusinessPlatform, 10_000, async (call, data) =>
            await RefusedIntakeAsync(call, "data", data.Count)
                ?? EnvelopeAnswer.From(await call.Grains.GetGrain<IStudentIntakeGrain>(0).Register(data.ConvertAll(student => student.Registration()), call.Caller.Code)))
            .WithSummary("2.3 studentInfo: register students")
            .WithDescription("`data` is an array of students, upserted by stuCard (the ID number). At most 1,000 a request and 2,000 a minute per "
                + "business platform, 2.3 and 2.4 rosters together, by default (`Supervision:Intake`); over either, nothing is stored.")
            .Answers().Fails(ReturnCode.UnknownLearningPlatform, ReturnCode.PlatformLimitReached);

        business.MapEnvelope<ClassRegistrationData>(["/api/class/v1/pushClassInfo"], Access.BusinessPlatform, async (call, data) =>
        {
            var registration = data.Registration(call.Data);
            return await RefusedClassAsync(call, registration.ClassCode)
                ?? await RefusedIntakeAsync(call, "thirdClassStudentInfoVoList", registration.Students.Count)
                ?? EnvelopeAnswer.From(await call.Grains.GetGrain<IClassGrain>(registration.ClassCode).Receive(registration, call.Caller.Code));
        })
            .WithSummary("2.4 pushClassInfo: register a class")
            .WithDescription("Stores the class with its course tree and roster. Once approved (by the operator, or on arrival by default) it is pushed to the "
                + "learning platform that teaches it (1.12). The roster counts against the same bounds as 2.3 (1,000 a request, "
                + "2,000 a minute per business platform by default). 1.12's policy fields are accepted beside the class's own; a class that "
                + "carries none of them keeps the policy it has (or the default).")
            .Answers().Fails(ReturnCode.UnknownLearningPlatform, ReturnCode.OwnedByAnotherPlatform, ReturnCode.PlatformLimitReached);

        business.MapEnvelope<ClassStudyData>(["/api/class/v1/classStudentStudy"], Access.BusinessPlatform, async (call, data) =>
        {
            await call.Services.GetRequiredService<StoredKeys>().RequireOwnClassAsync(data.ClassCode, call.Caller.Code, call.Aborted);
            var outcome = await call.Grains.GetGrain<IClassGrain>(data.ClassCode).StudyRecords(call.Caller.Code);
            return EnvelopeAnswer.From(outcome, records => records.Select(r => new StudyRecordData(
                r.ResCode, r.PlayTimeSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), r.SectionCode, r.ClassCode, r.CourseCode, r.UserCode)).ToList());
        })
            .WithSummary("2.5 classStudentStudy: a class's study records")
            .WithDescription("Credited seconds per student per video. Another business platform's class is answered as no class (1201), in the same words.")
            .Answers<List<StudyRecordData>>().Fails(ReturnCode.ClassNotFound);
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
