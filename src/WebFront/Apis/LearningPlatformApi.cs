using Supervision.Contracts;
using Supervision.Contracts.Checks;
using Supervision.Contracts.Courses;
using Supervision.Contracts.Students;
using Supervision.Contracts.Study;
using Supervision.WebFront.Auth;
using Supervision.WebFront.Envelope;
using Supervision.WebFront.Parsing;

namespace Supervision.WebFront.Apis;

/// <summary>Section 1: what learning platforms send.</summary>
public static class LearningPlatformApi
{
    public static void MapLearningPlatformApi(this IEndpointRouteBuilder routes)
    {
        routes.MapEnvelope(["/api/v1/authentication"], Access.LearningPlatform, async call =>
        {
            call.Data.Code("studyPlatformCode");
            var student = await StudentAsync(call);
            return EnvelopeAnswer.From(await student.Authenticate(call.Data.Text("name", 64), call.Caller.Code, call.Device));
        });

        routes.MapEnvelope(["/api/v1/startStudy", "/api/startStudy"], Access.LearningPlatform, async call =>
            EnvelopeAnswer.From(await StudentClass(call).Start(StudyRequestParser.Start(call))));

        routes.MapEnvelope(["/api/v1/endStudy"], Access.LearningPlatform, async call =>
            EnvelopeAnswer.From(await StudentClass(call).End(StudyRequestParser.End(call))));

        routes.MapEnvelope(["/api/v1/studyHour"], Access.LearningPlatform, async call =>
            EnvelopeAnswer.From(await StudentClass(call).Report(StudyRequestParser.Report(call)), receipt => receipt));

        routes.MapEnvelope(["/api/v1/getFaceCompareConfig"], Access.LearningPlatform, async call =>
        {
            var issued = await StudentClass(call).IssueCheck(StudyRequestParser.Check(call, CheckKind.Face));
            return EnvelopeAnswer.From(issued, check => new { expiresTime = check.ExpiresInMinutes.ToString(), bizCode = check.BizCode });
        });

        routes.MapEnvelope(["/api/v1/thirdFaceCompare", "/api/v1thirdFaceCompare"], Access.LearningPlatform, async call =>
        {
            var challenge = call.Grains.GetGrain<IChallengeGrain>(call.Data.Code("bizCode"));
            var judged = await challenge.SubmitFace(StudyRequestParser.Face(call));
            return EnvelopeAnswer.From(judged, face => new { msg = face.Message, result = face.Result });
        });

        routes.MapEnvelope(["/api/v1/getVerificationCode"], Access.LearningPlatform, async call =>
        {
            var issued = await StudentClass(call).IssueCheck(StudyRequestParser.Check(call, CheckKind.Code));
            return EnvelopeAnswer.From(issued, check => new
            {
                expiresTime = check.ExpiresInMinutes.ToString(),
                verificationCode = check.VerificationCode,
                bizCode = check.BizCode,
                verificationImageUrl = VerificationImageApi.UrlFor(call.Request, check.BizCode),
            });
        });

        routes.MapEnvelope(["/api/v1/submitVerificationCode"], Access.LearningPlatform, async call =>
        {
            var challenge = call.Grains.GetGrain<IChallengeGrain>(call.Data.Code("bizCode"));
            return EnvelopeAnswer.From(await challenge.SubmitCode(StudyRequestParser.Code(call)));
        });

        routes.MapEnvelope(["/api/v1/submitRecordVideoUrl"], Access.LearningPlatform, async call =>
            EnvelopeAnswer.From(await StudentClass(call).SubmitRecording(StudyRequestParser.Recording(call))));

        routes.MapEnvelope(["/api/v1/updateErcunPhotosUrl"], Access.LearningPlatform, async call =>
        {
            call.Data.Code("studyPlatformCode");
            var student = await StudentAsync(call);
            return EnvelopeAnswer.From(await student.ReplacePhoto(call.Data.Url("ercunPhotoUrl"), call.Caller.Code, call.Device));
        });

        routes.MapEnvelope(["/api/v1/thirdCoursePush"], Access.LearningPlatform, async call =>
        {
            var packages = call.DataArray(1_000).Select(package =>
            {
                if (package.OptionalText("studyPlatformCode", 64) is { } code && code != call.Caller.Code)
                {
                    throw new EnvelopeRejection(ReturnCode.ForeignPlatform, package.Invalid("studyPlatformCode", "is not the code of the platform this token belongs to").Message);
                }

                return CoursePackageParser.Parse(package);
            }).ToList();
            return EnvelopeAnswer.From(await call.Grains.GetGrain<ICourseIntakeGrain>(0).Push(packages, call.Caller.Code));
        });
    }

    private static async Task<IStudentGrain> StudentAsync(EnvelopeCall call) =>
        call.Grains.GetGrain<IStudentGrain>(await call.Services.GetRequiredService<PersonKeySource>().OfAsync(call.Data.IdNumber("cardNo"), call.Aborted));

    private static IStudentClassGrain StudentClass(EnvelopeCall call) =>
        call.Grains.GetGrain<IStudentClassGrain>(StudyRequestParser.GrainKey(call.Data));
}
