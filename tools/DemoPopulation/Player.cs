using System.Text.Json.Nodes;

namespace Supervision.DemoPopulation;

/// <summary>A learning platform's player for the demo's learners: 1.3, 1.4, 1.10, the pop-up code (1.7, 1.8), the face check (1.5, 1.6) and 1.11.</summary>
public sealed class Player(DemoClient client, DemoClock clock, FacePictures faces)
{
    public Task<JsonObject> StartAsync(DemoLearner learner) => PostAsync(learner, "/api/v1/startStudy", Study(learner));

    public Task<JsonObject> EndAsync(DemoLearner learner) => PostAsync(learner, "/api/v1/endStudy", Study(learner));

    /// <summary>1.10 at the learner's position, claiming <paramref name="progressTime"/> seconds.</summary>
    public async Task<JsonObject> ReportAsync(DemoLearner learner, int progressTime)
    {
        var data = Study(learner);
        data["playTime"] = learner.Position;
        data["progressTime"] = progressTime;
        var answer = await PostAsync(learner, "/api/v1/studyHour", data);
        learner.LastReportAt = clock.Now;
        learner.ReportedSeconds += progressTime;
        learner.CreditedSeconds += (int?)answer["returnData"]?["credited"] ?? 0;
        return answer;
    }

    /// <summary>The kind of check ("code" or "face") a 1.10 answer says is due, or null.</summary>
    public static string? CheckDue(JsonObject answer) => (string?)answer["returnData"]?["checkDue"]?["kind"];

    /// <summary>1.7 then, after <paramref name="typing"/>, 1.8 with the code shown; answers 1.8's answer and the bizCode.</summary>
    public async Task<(JsonObject Answer, string BizCode, string Code)> AnswerCodeAsync(DemoLearner learner, TimeSpan typing)
    {
        var issued = DemoClient.Expect0("1.7", await PostAsync(learner, "/api/v1/getVerificationCode", Study(learner)))["returnData"]!;
        var (bizCode, code) = ((string)issued["bizCode"]!, (string)issued["verificationCode"]!);
        await clock.WaitAsync(typing);
        var answer = await SubmitCodeAsync(learner, bizCode, code);
        if (DemoClient.Code(answer) == "0")
            learner.ChecksPassed++;
        return (answer, bizCode, code);
    }

    public Task<JsonObject> SubmitCodeAsync(DemoLearner learner, string bizCode, string code) =>
        PostAsync(learner, "/api/v1/submitVerificationCode", new JsonObject
        {
            ["studyPlatformCode"] = learner.Class.Learning.Code,
            ["bizCode"] = bizCode,
            ["verificationCode"] = code,
            ["videoStudyTime"] = learner.Position,
        });

    /// <summary>1.5 then, a moment later (the player waits for a steady face), 1.6 with <paramref name="photo"/>; answers 1.6's result (1 pass, 2 not).</summary>
    public async Task<int> SitFaceCheckAsync(DemoLearner learner, byte[] photo)
    {
        var bizCode = (string)DemoClient.Expect0("1.5", await PostAsync(learner, "/api/v1/getFaceCompareConfig", Study(learner)))["returnData"]!["bizCode"]!;
        await clock.WaitAsync(TimeSpan.FromSeconds(2));
        var data = Study(learner);
        data["compareMode"] = "0";
        data["target"] = Convert.ToBase64String(photo);
        data["videoStudyTime"] = learner.Position;
        data["bizCode"] = bizCode;
        var result = (int?)DemoClient.Expect0("1.6", await PostAsync(learner, "/api/v1/thirdFaceCompare", data))["returnData"]!["result"] ?? 0;
        if (result == 1)
            learner.ChecksPassed++;
        return result;
    }

    /// <summary>1.6 with the next of the learner's webcam captures not yet sent; false when none is left.</summary>
    public async Task<bool> SitFaceCheckWithANewCaptureAsync(DemoLearner learner)
    {
        var first = learner.StudentUserCode.Sum(c => c) % FacePictures.Captures;
        var capture = Enumerable.Range(0, FacePictures.Captures).Select(i => ((first + i) % FacePictures.Captures) + 1).FirstOrDefault(c => !learner.UsedCaptures.Contains(c));
        if (capture == 0)
            return false;
        learner.UsedCaptures.Add(capture);
        await SitFaceCheckAsync(learner, faces.Capture(capture));
        return true;
    }

    /// <summary>After the video ended, starts the next one of the course; done for the day after the last.</summary>
    public async Task NextVideoAsync(DemoLearner learner)
    {
        if (learner.VideoIndex + 1 >= learner.Class.Course.Videos.Count)
        {
            learner.Finished = true;
            return;
        }

        learner.VideoIndex++;
        learner.Position = 0;
        await StartAsync(learner);
        learner.LastReportAt = clock.Now;
    }

    /// <summary>1.11: the learning platform replaces the person's two-inch photo.</summary>
    public Task<JsonObject> ReplacePhotoAsync(DemoLearner learner, string url) =>
        PostAsync(learner, "/api/v1/updateErcunPhotosUrl", new JsonObject
        {
            ["studyPlatformCode"] = learner.Class.Learning.Code,
            ["cardNo"] = learner.Person.CardNo,
            ["ercunPhotoUrl"] = url,
        });

    private Task<JsonObject> PostAsync(DemoLearner learner, string path, JsonNode data) =>
        client.PostAsync(path, learner.Class.Learning.Token, learner.DeviceId, data);

    private static JsonObject Study(DemoLearner learner) => new()
    {
        ["studyPlatformCode"] = learner.Class.Learning.Code,
        ["resCode"] = learner.Video.ResCode,
        ["studentUserCode"] = learner.StudentUserCode,
        ["classCode"] = learner.Class.ClassCode,
        ["courseCode"] = learner.Class.Course.CourseCode,
    };
}
