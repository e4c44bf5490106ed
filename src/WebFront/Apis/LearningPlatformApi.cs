using Supervision.Contracts;
using Supervision.Contracts.Checks;
using Supervision.Contracts.Courses;
using Supervision.Contracts.Students;
using Supervision.Contracts.Study;
using Supervision.Database;
using Supervision.WebFront.Auth;
using Supervision.WebFront.Keys;
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
            var name = call.Data.Text("name", 64);
            var student = await StudentAsync(call);
            return EnvelopeAnswer.From(await student.Authenticate(name, call.Caller.Code, call.Device));
        });

        routes.MapEnvelope(["/api/v1/startStudy", "/api/startStudy"], Access.LearningPlatform, async call =>
        {
            var start = StudyRequestParser.Start(call);
            return EnvelopeAnswer.From(await (await StudentClassAsync(call)).Start(start));
        });

        routes.MapEnvelope(["/api/v1/endStudy"], Access.LearningPlatform, async call =>
        {
            var end = StudyRequestParser.End(call);
            return EnvelopeAnswer.From(await (await StudentClassAsync(call)).End(end));
        });

        routes.MapEnvelope(["/api/v1/studyHour"], Access.LearningPlatform, async call =>
        {
            var report = StudyRequestParser.Report(call);
            return EnvelopeAnswer.From(await (await StudentClassAsync(call)).Report(report), receipt => receipt);
        });

        routes.MapEnvelope(["/api/v1/getFaceCompareConfig"], Access.LearningPlatform, async call =>
        {
            var request = StudyRequestParser.Check(call, CheckKind.Face);
            var issued = await (await StudentClassAsync(call)).IssueCheck(request);
            return EnvelopeAnswer.From(issued, check => new { expiresTime = check.ExpiresInMinutes.ToString(), bizCode = check.BizCode });
        });

        routes.MapEnvelope(["/api/v1/thirdFaceCompare", "/api/v1thirdFaceCompare"], Access.LearningPlatform, async call =>
        {
            var submission = StudyRequestParser.Face(call);
            var judged = await (await ChallengeAsync(call, "1.5")).SubmitFace(submission);
            return EnvelopeAnswer.From(judged, face => new { msg = face.Message, result = face.Result });
        });

        routes.MapEnvelope(["/api/v1/getVerificationCode"], Access.LearningPlatform, async call =>
        {
            var request = StudyRequestParser.Check(call, CheckKind.Code);
            var issued = await (await StudentClassAsync(call)).IssueCheck(request);
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
            var submission = StudyRequestParser.Code(call);
            return EnvelopeAnswer.From(await (await ChallengeAsync(call, "1.7")).SubmitCode(submission));
        });

        routes.MapEnvelope(["/api/v1/submitRecordVideoUrl"], Access.LearningPlatform, async call =>
        {
            var recording = StudyRequestParser.Recording(call);
            return EnvelopeAnswer.From(await (await StudentClassAsync(call)).SubmitRecording(recording));
        });

        routes.MapEnvelope(["/api/v1/updateErcunPhotosUrl"], Access.LearningPlatform, async call =>
        {
            call.Data.Code("studyPlatformCode");
            var photoUrl = call.Data.Url("ercunPhotoUrl");
            var student = await StudentAsync(call);
            return EnvelopeAnswer.From(await student.ReplacePhoto(photoUrl, call.Caller.Code, call.Device));
        });

        routes.MapEnvelope(["/api/v1/thirdCoursePush"], Access.LearningPlatform, async call =>
        {
            var packages = CoursePackageParser.ParseAll(call.DataArray(1_000), "data", package =>
            {
                if (package.OptionalText("studyPlatformCode", 64) is { } code && code != call.Caller.Code)
                {
                    throw new EnvelopeRejection(ReturnCode.ForeignPlatform, package.Invalid("studyPlatformCode", "is not the code of the platform this token belongs to").Message);
                }

                return CoursePackageParser.Parse(package);
            });
            return EnvelopeAnswer.From(await call.Grains.GetGrain<ICourseIntakeGrain>(0).Push(packages, call.Caller.Code));
        });
    }

    /// <summary>The person's grain, once some platform is found to have registered the ID number (otherwise 1202).</summary>
    private static async Task<IStudentGrain> StudentAsync(EnvelopeCall call)
    {
        var key = await call.Services.GetRequiredService<PersonKeySource>().OfAsync(call.Data.IdNumber("cardNo"), call.Aborted);
        await call.Services.GetRequiredService<StoredKeys>().RequirePersonAsync(key, call.Aborted);
        return call.Grains.GetGrain<IStudentGrain>(key);
    }

    /// <summary>The student's grain in the class, once the class is found to be the caller's and the student on its roster.</summary>
    private static async ValueTask<IStudentClassGrain> StudentClassAsync(EnvelopeCall call)
    {
        var (classCode, studentUserCode) = StudyRequestParser.Codes(call.Data);
        await call.Services.GetRequiredService<StoredKeys>().RequireStudentOfClassAsync(classCode, studentUserCode, call.Caller.Code, call.Aborted);
        return call.Grains.Get<IStudentClassGrain>(StudentClassKey.Of(classCode, studentUserCode));
    }

    /// <summary>
    /// The check's grain, once the bizCode is found to be signed by the cluster: a guessed one is answered 1401 here,
    /// as the check would answer it, and reaches no grain.
    /// </summary>
    private static async Task<IChallengeGrain> ChallengeAsync(EnvelopeCall call, string issuedBy)
    {
        var bizCode = call.Data.Code("bizCode");
        if (!BizCode.HasShape(bizCode) || !BizCode.IsSigned(bizCode, await call.Services.GetRequiredService<BizCodeKey>().GetAsync(call.Aborted)))
        {
            throw new EnvelopeRejection(ReturnCode.BizCodeUnknown, $"bizCode: unknown; ask for a check through {issuedBy} first");
        }

        return call.Grains.GetGrain<IChallengeGrain>(bizCode);
    }
}
