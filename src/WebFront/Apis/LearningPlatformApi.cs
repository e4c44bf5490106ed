using Supervision.Contracts;
using Supervision.Contracts.Checks;
using Supervision.Contracts.Courses;
using Supervision.Contracts.Students;
using Supervision.Contracts.Study;
using Supervision.Database;
using Supervision.Envelope.CoursePackages;
using Supervision.WebFront.Auth;
using Supervision.WebFront.Declarations;
using Supervision.WebFront.Envelope;
using Supervision.WebFront.Keys;
using Supervision.WebFront.OpenApi;
using Supervision.WebFront.Requests;
using static Supervision.WebFront.OpenApi.LearningPlatformShapes;

namespace Supervision.WebFront.Apis;

/// <summary>
/// Section 1: what learning platforms send. Each endpoint is declared here once: its data (a record in Requests, which
/// both the reader and the document come from), its summary, its answer and the failure codes it adds to its group's.
/// </summary>
public static class LearningPlatformApi
{
    public static void MapLearningPlatformApi(this IEndpointRouteBuilder routes)
    {
        var learning = routes.MapGroup("").WithTags(ApiSections.LearningTag).AnswersFaults()
            .Fails([.. ApiSections.EnvelopeCodes, .. ApiSections.TokenCodes, ReturnCode.ForeignPlatform, .. ApiSections.ServiceCodes]);

        learning.MapEnvelope<AuthenticationData>(["/api/v1/authentication"], Access.LearningPlatform, async (call, data) =>
            EnvelopeAnswer.From(await (await StudentAsync(call, data.CardNo)).Authenticate(data.Name, call.Caller.Code, call.Device)))
            .WithSummary("1.2 authentication: real-name check")
            .WithDescription("Passes when `cardNo` is a well-formed ID number registered through 2.3 or a class roster and `name` is the name registered under it. "
                + "Classes with realNameAuthentication=1 credit nothing until it passed. Every attempt is evidence.")
            .Answers().Fails(ReturnCode.StudentNotFound, ReturnCode.RealNameMismatch);

        learning.MapEnvelope<StartStudyData>(["/api/v1/startStudy", "/api/startStudy"], Access.LearningPlatform, async (call, data) =>
            EnvelopeAnswer.From(await (await StudentClassAsync(call, data.ClassCode, data.StudentUserCode)).Start(data.Start(call.Device))))
            .WithSummary("1.3 startStudy: a student starts a video")
            .WithDescription("Opens the study of one video by one student in one class; a start on the same video continues it. A start on another video of the "
                + "class closes the previous one; a start in another class closes the same person's study there.")
            .Answers().Fails(ReturnCode.ClassNotFound, ReturnCode.StudentNotFound, ReturnCode.CourseNotFound, ReturnCode.ClassNotApproved);

        learning.MapEnvelope<StudyData>(["/api/v1/endStudy"], Access.LearningPlatform, async (call, data) =>
            EnvelopeAnswer.From(await (await StudentClassAsync(call, data.ClassCode, data.StudentUserCode)).End(data.End(call.Device))))
            .WithSummary("1.4 endStudy: the video is paused, finished or left")
            .WithDescription("Pauses the study of that video; the next studyHour, 1.5 or 1.7 on it resumes it without a new startStudy. Repeated calls answer 0.")
            .Answers().Fails(ReturnCode.ClassNotFound, ReturnCode.StudentNotFound, ReturnCode.NoOpenSession);

        learning.MapEnvelope<StudyHourData>(["/api/v1/studyHour"], Access.LearningPlatform, async (call, data) =>
        {
            ReportTimestamp.Require(call.Headers);
            var report = data.Report(call.Device);
            return EnvelopeAnswer.From(await (await StudentClassAsync(call, data.ClassCode, data.StudentUserCode)).Report(report), receipt => receipt);
        })
            .WithSummary("1.10 studyHour: progress, every minute while the video plays")
            .WithDescription("Credits `progressTime` within the wall-clock budget of the session, the video's duration and the daily limit; the excess is "
                + "recorded as an anomaly. A retried report (same playTime, progressTime and headers.timestamp) counts once. `returnData.checkDue` "
                + "says when an anti-idle check is due: pass one before its deadline or reports earn nothing (1306).")
            .Answers<StudyHourReturnData>().Fails(ReturnCode.ClassNotFound, ReturnCode.StudentNotFound, ReturnCode.CourseNotFound, ReturnCode.RealNameRequired,
                ReturnCode.DailyLimitReached, ReturnCode.NoOpenSession, ReturnCode.SessionSuperseded, ReturnCode.CheckOverdue, ReturnCode.StartFaceRequired);

        learning.MapEnvelope<StudyData>(["/api/v1/getFaceCompareConfig"], Access.LearningPlatform, async (call, data) =>
        {
            var issued = await (await StudentClassAsync(call, data.ClassCode, data.StudentUserCode)).IssueCheck(data.Check(CheckKind.Face, call.Device));
            return EnvelopeAnswer.From(issued, check => new FaceConfigReturnData(check.ExpiresInMinutes.ToString(), check.BizCode));
        })
            .WithSummary("1.5 getFaceCompareConfig: ask for a face check")
            .WithDescription("Issues a one-time bizCode for 1.6, valid `expiresTime` minutes, bound to this student, class and video. Needs a study of that video, playing or paused (a paused one resumes).")
            .Answers<FaceConfigReturnData>().Fails(ReturnCode.ClassNotFound, ReturnCode.StudentNotFound, ReturnCode.NoOpenSession, ReturnCode.CheckLimitReached);

        learning.MapEnvelope<FaceCompareData>(["/api/v1/thirdFaceCompare", "/api/v1thirdFaceCompare"], Access.LearningPlatform, async (call, data) =>
        {
            // The photo's own checks answer before the bizCode's signature is looked at, as they did before the declaration.
            var submission = data.Submission(call.Data, call.Device);
            var judged = await (await ChallengeAsync(call, data.BizCode, "1.5")).SubmitFace(submission);
            return EnvelopeAnswer.From(judged, face => new FaceCompareReturnData(face.Message, face.Result));
        })
            .WithSummary("1.6 thirdFaceCompare: submit the face photo")
            .WithDescription("Compares the photo with the student's registered two-inch photo. Judged photos answer returnCode 0 with `result` 1 (pass: clears "
                + "due checks) or 2 (another person, no face, or a replayed photo: retake; three attempts per bizCode). Every photo is kept with "
                + "its score for the operator.")
            .Answers<FaceCompareReturnData>().Fails(ReturnCode.ReferencePhotoUnusable, ReturnCode.BizCodeUnknown, ReturnCode.BizCodeExpired,
                ReturnCode.BizCodeUsed, ReturnCode.BizCodeForeign);

        learning.MapEnvelope<StudyData>(["/api/v1/getVerificationCode"], Access.LearningPlatform, async (call, data) =>
        {
            var issued = await (await StudentClassAsync(call, data.ClassCode, data.StudentUserCode)).IssueCheck(data.Check(CheckKind.Code, call.Device));
            // A code check always carries its code.
            return EnvelopeAnswer.From(issued, check => new VerificationCodeReturnData(
                check.ExpiresInMinutes.ToString(), check.VerificationCode!, check.BizCode, VerificationImageApi.UrlFor(call.Request, check.BizCode)));
        })
            .WithSummary("1.7 getVerificationCode: ask for a pop-up code")
            .WithDescription("Issues a 4-digit code to show the student and a one-time bizCode for 1.8, valid `expiresTime` minutes. Needs a study of that video, playing or paused (a paused one resumes).")
            .Answers<VerificationCodeReturnData>().Fails(ReturnCode.ClassNotFound, ReturnCode.StudentNotFound, ReturnCode.NoOpenSession, ReturnCode.CheckLimitReached);

        learning.MapEnvelope<SubmitCodeData>(["/api/v1/submitVerificationCode"], Access.LearningPlatform, async (call, data) =>
            EnvelopeAnswer.From(await (await ChallengeAsync(call, data.BizCode, "1.7")).SubmitCode(data.Submission(call.Device))))
            .WithSummary("1.8 submitVerificationCode: submit the typed code")
            .WithDescription("A right code passes the check and clears every check due so far. A wrong one is an attempt (1405); after three the bizCode is spent.")
            .Answers().Fails(ReturnCode.BizCodeUnknown, ReturnCode.BizCodeExpired, ReturnCode.BizCodeUsed, ReturnCode.BizCodeForeign, ReturnCode.CodeMismatch);

        learning.MapEnvelope<RecordingData>(["/api/v1/submitRecordVideoUrl"], Access.LearningPlatform, async (call, data) =>
            EnvelopeAnswer.From(await (await StudentClassAsync(call, data.ClassCode, data.StudentUserCode)).SubmitRecording(data.Submission(call.Device))))
            .WithSummary("1.9 submitRecordVideoUrl: the recording of a session")
            .WithDescription("Records the recording's URL against the open session of that video (classes with videoPlayRecord=1 expect one per video).")
            .Answers().Fails(ReturnCode.ClassNotFound, ReturnCode.StudentNotFound, ReturnCode.CourseNotFound, ReturnCode.NoOpenSession);

        learning.MapEnvelope<PhotoData>(["/api/v1/updateErcunPhotosUrl"], Access.LearningPlatform, async (call, data) =>
            EnvelopeAnswer.From(await (await StudentAsync(call, data.CardNo)).ReplacePhoto(data.ErcunPhotoUrl, call.Caller.Code, call.Device)))
            .WithSummary("1.11 updateErcunPhotosUrl: replace the two-inch photo")
            .WithDescription("Replaces the student's registered photo; earlier photos stay in the history (a swap after study began is an anomaly).")
            .Answers().Fails(ReturnCode.StudentNotFound);

        learning.MapEnvelope(["/api/v1/thirdCoursePush"], Access.LearningPlatform, async call =>
        {
            var packages = CoursePackageParser.ParseAll(call.DataArray(1_000), "data", package => CoursePackageParser.Parse(OwnPackage(call, package)));
            return EnvelopeAnswer.From(await call.Grains.GetGrain<ICourseIntakeGrain>(0).Push(packages, call.Caller.Code));
        })
            .ReadsEach<CoursePackageData>()
            .WithSummary("1.13 thirdCoursePush: push course packages")
            .WithDescription("`data` is an array of course packages: chapters (which may nest) → sections → videos. Within one push the last occurrence of a "
                + "code wins. The packages of a 1.14 thirdCoursePull page are read by this same declaration.")
            .Answers().Fails(ReturnCode.OwnedByAnotherPlatform, ReturnCode.PlatformLimitReached);
    }

    /// <summary>
    /// The package, once a studyPlatformCode it carries is found to be the caller's (else 1105). Asked before the package
    /// is read, so a package of another platform is told so whatever else is wrong with it; 1.14's pages are not asked.
    /// </summary>
    private static EnvelopeData OwnPackage(EnvelopeCall call, EnvelopeData package) =>
        package.OptionalText("studyPlatformCode", 64) is { } code && code != call.Caller.Code
            ? throw new EnvelopeRejection(ReturnCode.ForeignPlatform, package.Invalid("studyPlatformCode", "is not the code of the platform this token belongs to").Message)
            : package;

    /// <summary>The person's grain, once some platform is found to have registered the ID number (otherwise 1202).</summary>
    private static async Task<IStudentGrain> StudentAsync(EnvelopeCall call, string cardNo)
    {
        var key = await call.Services.GetRequiredService<PersonKeySource>().OfAsync(cardNo, call.Aborted);
        await call.Services.GetRequiredService<StoredKeys>().RequirePersonAsync(key, call.Aborted);
        return call.Grains.GetGrain<IStudentGrain>(key);
    }

    /// <summary>The student's grain in the class, once the class is found to be the caller's and the student on its roster.</summary>
    private static async ValueTask<IStudentClassGrain> StudentClassAsync(EnvelopeCall call, string classCode, string studentUserCode)
    {
        await call.Services.GetRequiredService<StoredKeys>().RequireStudentOfClassAsync(classCode, studentUserCode, call.Caller.Code, call.Aborted);
        return call.Grains.Get<IStudentClassGrain>(StudentClassKey.Of(classCode, studentUserCode));
    }

    /// <summary>
    /// The check's grain, once the bizCode is found to be signed by the cluster: a guessed one is answered 1401 here,
    /// as the check would answer it, and reaches no grain.
    /// </summary>
    private static async Task<IChallengeGrain> ChallengeAsync(EnvelopeCall call, string bizCode, string issuedBy)
    {
        if (!BizCode.HasShape(bizCode) || !BizCode.IsSigned(bizCode, await call.Services.GetRequiredService<BizCodeKey>().GetAsync(call.Aborted)))
        {
            throw new EnvelopeRejection(ReturnCode.BizCodeUnknown, $"bizCode: unknown; ask for a check through {issuedBy} first");
        }

        return call.Grains.GetGrain<IChallengeGrain>(bizCode);
    }
}
