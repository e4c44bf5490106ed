using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Supervision.Tests.Infrastructure;

/// <summary>A learning platform's player for one student in one class, driven through the real HTTP front.</summary>
public sealed class Learner(SupervisionCluster system, Platforms platforms, string classCode, string studentUserCode, string cardNo)
{
    public Platforms Platforms => platforms;

    public string ClassCode => classCode;

    public string StudentUserCode => studentUserCode;

    public string CardNo => cardNo;

    /// <summary>The envelope's headers.deviceId on this learner's 1.x calls: the PC or phone the platform reports from.</summary>
    public string DeviceId { get; set; } = SupervisionCluster.TestDevice;

    public string CourseCode => "course-" + classCode[..8];

    public string FirstVideo => "res1-" + classCode[..8];

    public string SecondVideo => "res2-" + classCode[..8];

    /// <summary>Pushes a class (2.4) with this one student, sets its policy as the operator, and answers its learner.</summary>
    public static async Task<Learner> EnrolAsync(SupervisionCluster system, object? policy = null, int firstVideoSeconds = 1675, Platforms? platforms = null, string? cardNo = null)
    {
        platforms ??= await Platforms.ProvisionAsync(system);
        var classCode = TestIds.Code();
        var student = TestIds.Code("s");
        cardNo ??= TestIds.IdNumber();
        EnvelopeAssert.Code("0", await system.PostEnvelopeAsync("/api/class/v1/pushClassInfo", platforms.ClassBody(classCode, firstVideoSeconds, (cardNo, student, "张丽")), platforms.BusinessToken));
        if (policy is not null)
        {
            EnvelopeAssert.Code("0", await system.AdminAsync(HttpMethod.Put, $"/admin/classes/{classCode}/policy", policy));
        }

        return new Learner(system, platforms, classCode, student, cardNo);
    }

    /// <summary>Enrols the same person (same ID number) in a class of their own, on the same platforms.</summary>
    public Task<Learner> EnrolInAnotherClassAsync(object? policy = null, int firstVideoSeconds = 1675) =>
        EnrolAsync(system, policy, firstVideoSeconds, platforms, cardNo);

    /// <summary>The server clock as a 13-digit envelope timestamp, for several distinct requests within one second.</summary>
    public string MillisecondTimestamp() => system.Clock.GetUtcNow().ToUnixTimeMilliseconds().ToString();

    public Task<JsonObject> StartAsync(string? resCode = null) =>
        system.PostEnvelopeAsync("/api/v1/startStudy", Study(resCode), platforms.LearningToken, DeviceId);

    public Task<JsonObject> EndAsync(string? resCode = null) =>
        system.PostEnvelopeAsync("/api/v1/endStudy", Study(resCode), platforms.LearningToken, DeviceId);

    /// <summary>1.4 as the public client sends it on every pause (a face or code check pauses first).</summary>
    public Task<JsonObject> PauseAsync(string? resCode = null) => EndAsync(resCode);

    public Task<JsonObject> ReportAsync(int playTime, int progressTime, string? resCode = null) =>
        system.PostEnvelopeAsync("/api/v1/studyHour", Report(playTime, progressTime, resCode), platforms.LearningToken, DeviceId);

    /// <summary>1.3 with the envelope's headers.timestamp as given.</summary>
    public Task<JsonObject> StartAtAsync(string timestamp, string? resCode = null) =>
        PostAtAsync("/api/v1/startStudy", timestamp, Study(resCode));

    /// <summary>1.10 with the envelope's headers.timestamp as given (null sends none).</summary>
    public Task<JsonObject> ReportAtAsync(string? timestamp, int playTime, int progressTime, string? resCode = null) =>
        PostAtAsync("/api/v1/studyHour", timestamp, Report(playTime, progressTime, resCode));

    /// <summary>Plays honestly: each minute of server time, a report of the minute just played.</summary>
    public async Task<List<JsonObject>> PlayMinutesAsync(int minutes, int fromPosition = 0, string? resCode = null)
    {
        var answers = new List<JsonObject>();
        for (var i = 1; i <= minutes; i++)
        {
            system.Clock.Advance(TimeSpan.FromSeconds(60));
            answers.Add(await ReportAsync(fromPosition + (i * 60), 60, resCode));
        }

        return answers;
    }

    /// <summary>1.7: answers the bizCode and the code to type.</summary>
    public async Task<(string BizCode, string Code)> GetCodeAsync()
    {
        var answer = await system.PostEnvelopeAsync("/api/v1/getVerificationCode", Study(null), platforms.LearningToken, DeviceId);
        EnvelopeAssert.Code("0", answer);
        return ((string)answer["returnData"]!["bizCode"]!, (string)answer["returnData"]!["verificationCode"]!);
    }

    /// <summary>1.8, as this learner's platform or as <paramref name="caller"/>.</summary>
    public Task<JsonObject> SubmitCodeAsync(string bizCode, string code, Platforms? caller = null) =>
        system.PostEnvelopeAsync("/api/v1/submitVerificationCode", CodeSubmission(bizCode, code, caller ?? platforms), (caller ?? platforms).LearningToken, DeviceId);

    /// <summary>1.8 answered with its HTTP status, for a submission the system may fail to commit.</summary>
    public Task<(HttpStatusCode Status, JsonObject Answer)> SubmitCodeForStatusAsync(string bizCode, string code) =>
        system.PostEnvelopeForStatusAsync("/api/v1/submitVerificationCode", CodeSubmission(bizCode, code, platforms), platforms.LearningToken);

    /// <summary>1.5: answers the bizCode of a new face check.</summary>
    public async Task<string> GetFaceCheckAsync()
    {
        var answer = await system.PostEnvelopeAsync("/api/v1/getFaceCompareConfig", Study(null), platforms.LearningToken, DeviceId);
        EnvelopeAssert.Code("0", answer);
        return (string)answer["returnData"]!["bizCode"]!;
    }

    /// <summary>1.6 with a base64 photo (compareMode 0), or with <paramref name="target"/> as given and its mode.</summary>
    public Task<JsonObject> SubmitFaceAsync(string bizCode, byte[]? photo, string? target = null, int compareMode = 0, string? resCode = null) =>
        system.PostEnvelopeAsync("/api/v1/thirdFaceCompare", FaceSubmission(bizCode, target ?? Convert.ToBase64String(photo!), compareMode, resCode), platforms.LearningToken, DeviceId);

    /// <summary>1.6 with a base64 photo, answered with its HTTP status, for a submission the system may fail to commit.</summary>
    public Task<(HttpStatusCode Status, JsonObject Answer)> SubmitFaceForStatusAsync(string bizCode, byte[] photo) =>
        system.PostEnvelopeForStatusAsync("/api/v1/thirdFaceCompare", FaceSubmission(bizCode, Convert.ToBase64String(photo), 0, null), platforms.LearningToken);

    /// <summary>1.11: registers <paramref name="url"/> as this learner's two-inch photo.</summary>
    public async Task SetPhotoAsync(string url) => EnvelopeAssert.Code("0", await SetPhotoAndAnswerAsync(url));

    public Task<JsonObject> SetPhotoAndAnswerAsync(string url) =>
        system.PostEnvelopeAsync("/api/v1/updateErcunPhotosUrl", PhotoReplacement(url), platforms.LearningToken, DeviceId);

    /// <summary>1.11 answered with its HTTP status, for a change the system may fail to commit.</summary>
    public Task<(HttpStatusCode Status, JsonObject Answer)> SetPhotoForStatusAsync(string url) =>
        system.PostEnvelopeForStatusAsync("/api/v1/updateErcunPhotosUrl", PhotoReplacement(url), platforms.LearningToken);

    public Task<JsonObject> AuthenticateAsync(string name) =>
        system.PostEnvelopeAsync("/api/v1/authentication", new { studyPlatformCode = platforms.LearningCode, cardNo, name }, platforms.LearningToken, DeviceId);

    public async Task<JsonObject> OperatorViewAsync() =>
        (await system.AdminAsync(HttpMethod.Get, $"/admin/classes/{classCode}/students/{studentUserCode}"))["returnData"]!.AsObject();

    public async Task<List<string>> AnomalyKindsAsync() =>
        (await OperatorViewAsync())["anomalies"]!.AsArray().Select(a => (string)a!["kind"]!).ToList();

    public static int Credited(JsonObject answer) => (int)answer["returnData"]!["credited"]!;

    /// <summary>The seconds a 1.10 answer credited: none when it was refused.</summary>
    public static int CreditedOrZero(JsonObject answer) => (int?)answer["returnData"]?["credited"] ?? 0;

    /// <summary>The check a 1.10 answer says is due ({kind, dueSince, deadline}), or null.</summary>
    public static JsonNode? CheckDue(JsonObject answer) => answer["returnData"]?["checkDue"];

    /// <summary>2.5 as the business platform reads it: this student's credited seconds on a resource, null without a record.</summary>
    public async Task<long?> StudyRecordAsync(string? resCode = null)
    {
        var study = await system.PostEnvelopeAsync("/api/class/v1/classStudentStudy", new { classCode }, platforms.BusinessToken);
        EnvelopeAssert.Code("0", study);
        var row = study["returnData"]!.AsArray().SingleOrDefault(r => (string?)r!["userCode"] == studentUserCode && (string?)r["resCode"] == (resCode ?? FirstVideo));
        return row is null ? null : long.Parse((string)row["playTime"]!);
    }

    private object Report(int playTime, int progressTime, string? resCode) => new
    {
        studyPlatformCode = platforms.LearningCode,
        resCode = resCode ?? FirstVideo,
        playTime = playTime.ToString(),
        progressTime,
        studentUserCode,
        classCode,
        courseCode = CourseCode,
    };

    private async Task<JsonObject> PostAtAsync(string path, string? timestamp, object data)
    {
        var envelope = new { headers = new { deviceType = "TYPE_PC", timestamp, deviceId = DeviceId, userToken = platforms.LearningToken }, data };
        using var response = await system.Http.PostAsJsonAsync(path, envelope);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"HTTP {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private object FaceSubmission(string bizCode, string target, int compareMode, string? resCode) => new
    {
        studyPlatformCode = platforms.LearningCode,
        compareMode = compareMode.ToString(),
        target,
        studentUserCode,
        classCode,
        resCode = resCode ?? FirstVideo,
        videoStudyTime = "60",
        bizCode,
    };

    private object PhotoReplacement(string url) => new { studyPlatformCode = platforms.LearningCode, cardNo, ercunPhotoUrl = url };

    private static object CodeSubmission(string bizCode, string code, Platforms caller) => new
    {
        studyPlatformCode = caller.LearningCode,
        bizCode,
        verificationCode = code,
        videoStudyTime = "60",
    };

    private object Study(string? resCode) => new
    {
        studyPlatformCode = platforms.LearningCode,
        resCode = resCode ?? FirstVideo,
        studentUserCode,
        classCode,
        courseCode = CourseCode,
    };
}
