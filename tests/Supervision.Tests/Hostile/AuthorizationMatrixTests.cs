using System.Text.Json.Nodes;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Hostile;

/// <summary>Every endpoint against every caller who must not get through; none of them changes anything.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AuthorizationMatrixTests(SupervisionCluster system)
{
    private static readonly string[] LearningPaths =
    [
        "/api/v1/authentication", "/api/v1/startStudy", "/api/v1/endStudy", "/api/v1/getFaceCompareConfig", "/api/v1/getVerificationCode",
        "/api/v1/submitVerificationCode", "/api/v1/submitRecordVideoUrl", "/api/v1/studyHour", "/api/v1/updateErcunPhotosUrl", "/api/v1/thirdCoursePush",
        "/api/v1/thirdFaceCompare",
    ];

    private static readonly string[] BusinessPaths =
    [
        "/api/user/v1/teacherInfo", "/api/course/v1/courseInfo", "/api/user/v1/studentInfo", "/api/class/v1/pushClassInfo", "/api/class/v1/classStudentStudy",
    ];

    [Fact]
    public async Task No_token_a_forged_one_or_the_other_roles_is_refused_on_every_endpoint()
    {
        var victim = await Learner.EnrolAsync(system, firstVideoSeconds: 3600);
        await victim.StartAsync();
        var before = await Snapshot(victim);

        foreach (var path in LearningPaths.Concat(BusinessPaths))
        {
            var isLearning = LearningPaths.Contains(path);
            var data = Data(path, victim);
            EnvelopeAssert.Code("1101", await system.PostEnvelopeAsync(path, data));
            EnvelopeAssert.Code("1102", await system.PostEnvelopeAsync(path, data, "forged." + victim.Platforms.LearningToken));
            EnvelopeAssert.Code("1104", await system.PostEnvelopeAsync(path, data, isLearning ? victim.Platforms.BusinessToken : victim.Platforms.LearningToken));
        }

        Assert.Equal(before, await Snapshot(victim));
    }

    [Fact]
    public async Task Another_learning_platform_cannot_reach_a_class_student_or_check_it_does_not_teach()
    {
        var victim = await Learner.EnrolAsync(system, new { videoOnHook = 1 }, firstVideoSeconds: 3600);
        var intruder = await Platforms.ProvisionAsync(system);
        await victim.StartAsync();
        var (bizCode, code) = await victim.GetCodeAsync();
        var before = await Snapshot(victim);

        var expected = new Dictionary<string, string>
        {
            ["/api/v1/authentication"] = "1202",
            ["/api/v1/updateErcunPhotosUrl"] = "1202",
            ["/api/v1/startStudy"] = "1105",
            ["/api/v1/endStudy"] = "1105",
            ["/api/v1/studyHour"] = "1105",
            ["/api/v1/getVerificationCode"] = "1105",
            ["/api/v1/getFaceCompareConfig"] = "1105",
            ["/api/v1/submitRecordVideoUrl"] = "1105",
            ["/api/v1/submitVerificationCode"] = "1404",
            ["/api/v1/thirdFaceCompare"] = "1404",
        };
        foreach (var (path, refusal) in expected)
        {
            var data = Data(path, victim, bizCode, code);
            data["studyPlatformCode"] = intruder.LearningCode;
            EnvelopeAssert.Code(refusal, await system.PostEnvelopeAsync(path, data, intruder.LearningToken));
        }

        Assert.Equal(before, await Snapshot(victim));
        EnvelopeAssert.Code("0", await victim.SubmitCodeAsync(bizCode, code));
    }

    [Fact]
    public async Task Another_business_platform_cannot_query_or_overwrite_a_class()
    {
        var victim = await Learner.EnrolAsync(system);
        var intruder = await Platforms.ProvisionAsync(system);

        EnvelopeAssert.Code("1201", await system.PostEnvelopeAsync("/api/class/v1/classStudentStudy", new { classCode = victim.ClassCode }, intruder.BusinessToken));
        EnvelopeAssert.Code("1206", await system.PostEnvelopeAsync("/api/class/v1/pushClassInfo", intruder.ClassBody(victim.ClassCode), intruder.BusinessToken));
    }

    [Fact]
    public async Task An_expired_token_is_refused_everywhere()
    {
        var victim = await Learner.EnrolAsync(system);
        system.Clock.Advance(TimeSpan.FromHours(2));

        foreach (var path in LearningPaths)
        {
            EnvelopeAssert.Code("1103", await system.PostEnvelopeAsync(path, Data(path, victim), victim.Platforms.LearningToken));
        }

        foreach (var path in BusinessPaths)
        {
            EnvelopeAssert.Code("1103", await system.PostEnvelopeAsync(path, Data(path, victim), victim.Platforms.BusinessToken));
        }
    }

    /// <summary>A valid body for each endpoint, aimed at the victim's class, student and video.</summary>
    private static JsonObject Data(string path, Learner victim, string bizCode = "b1", string code = "1234")
    {
        var data = new JsonObject
        {
            ["studyPlatformCode"] = victim.Platforms.LearningCode, ["classCode"] = victim.ClassCode, ["studentUserCode"] = victim.StudentUserCode,
            ["courseCode"] = victim.CourseCode, ["resCode"] = victim.FirstVideo, ["playTime"] = 60, ["progressTime"] = 60,
            ["cardNo"] = victim.CardNo, ["name"] = "张丽", ["ercunPhotoUrl"] = "http://img.example.test/x.jpg", ["recordVideoUrl"] = "http://rec.example.test/x.mp4",
            ["bizCode"] = bizCode, ["verificationCode"] = code, ["videoStudyTime"] = 60, ["compareMode"] = 0, ["target"] = "aGVsbG8=",
            ["studyPlatformApiUrl"] = victim.Platforms.LearningUrl, ["teaCode"] = "t-" + victim.ClassCode[..8], ["teaName"] = "x", ["orgCode"] = "o", ["teaCard"] = victim.CardNo, ["mobile"] = "1",
            ["courseName"] = "x", ["sectionList"] = new JsonArray(), ["trainClassName"] = "x", ["orgName"] = "x",
        };
        return path switch
        {
            "/api/v1/thirdCoursePush" => new JsonObject { ["array"] = new JsonArray(new JsonObject { ["courseCode"] = "x", ["courseName"] = "x" }) },
            "/api/user/v1/studentInfo" => new JsonObject { ["array"] = new JsonArray() },
            _ => data,
        };
    }

    private async Task<string> Snapshot(Learner victim)
    {
        var view = await victim.OperatorViewAsync();
        var student = await system.AdminAsync(HttpMethod.Get, $"/admin/students/{victim.CardNo}");
        // Refused attempts are themselves evidence (a foreign bizCode is an anomaly); what must not move is the state.
        var credited = await Ledger.CountAsync(system, "SELECT coalesce(sum(credited), 0) FROM report_evidence WHERE class_code = @c", ("c", victim.ClassCode));
        return $"{view["student"]!.ToJsonString()}|{student["returnData"]!.ToJsonString()}|{credited}";
    }
}
