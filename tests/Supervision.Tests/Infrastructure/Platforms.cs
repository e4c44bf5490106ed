using System.Text.Json.Nodes;

namespace Supervision.Tests.Infrastructure;

/// <summary>A learning and a business platform provisioned through the operator API and logged in through 1.1.</summary>
public sealed record Platforms(string LearningCode, string LearningUrl, string LearningToken, string BusinessCode, string BusinessToken)
{
    /// <summary>Provisions both platforms; the learning platform is registered as <paramref name="learningName"/> when given.</summary>
    public static async Task<Platforms> ProvisionAsync(SupervisionCluster system, string? learningName = null)
    {
        var learningCode = TestIds.Code("lp");
        var learningUrl = $"http://{learningCode}.example.test/api";
        var businessCode = TestIds.Code("bp");
        await RegisterAsync(system, learningCode, "learning", learningUrl, learningName);
        await RegisterAsync(system, businessCode, "business", null);
        return new Platforms(
            learningCode, learningUrl, await LogInAsync(system, learningCode + "-account"),
            businessCode, await LogInAsync(system, businessCode + "-account"));
    }

    public static async Task RegisterAsync(SupervisionCluster system, string code, string role, string? apiBaseUrl, string? name = null)
    {
        var answer = await system.AdminAsync(HttpMethod.Post, "/admin/platforms", new
        {
            code,
            name = name ?? $"Platform {code}",
            role,
            account = code + "-account",
            password = "correct horse battery",
            apiBaseUrl,
        });
        Assert.Equal("0", (string?)answer["returnCode"]);
    }

    public static async Task<string> LogInAsync(SupervisionCluster system, string account, string password = "correct horse battery")
    {
        var answer = await system.PostEnvelopeAsync("/api/v1/thlogin", new { studyPlatformAcount = account, passWord = password });
        Assert.Equal("0", (string?)answer["returnCode"]);
        return (string)answer["returnData"]!["acceptToken"]!;
    }

    /// <summary>A 2.4 class body with one course (one chapter, two videos) and the given students.</summary>
    public object ClassBody(string classCode, params (string CardNo, string StudentCode, string Name)[] students) => ClassBody(classCode, 1675, students);

    public object ClassBody(string classCode, int firstVideoSeconds, params (string CardNo, string StudentCode, string Name)[] students) => new
    {
        studyPlatformApiUrl = LearningUrl,
        classCode,
        trainClassName = "家政服务培训 5 班",
        orgCode = "org" + classCode[..8],
        orgName = "开创教育",
        thirdClassCourseInfoVoList = new[]
        {
            new
            {
                courseCode = "course-" + classCode[..8],
                title = "电商运营管理",
                sort = 0,
                children = new[]
                {
                    new
                    {
                        chapetCode = "chapter-" + classCode[..8],
                        title = "第一部分",
                        sort = "1",
                        children = new object[]
                        {
                            new { resCode = "res1-" + classCode[..8], resType = "TYPE_VIDEO", sort = 1, title = "第一节", videoUrl = "http://video.example.test/1.mp4", videoTimeLength = firstVideoSeconds.ToString() },
                            new { resCode = "res2-" + classCode[..8], resType = "TYPE_VIDEO", sort = 2, title = "第二节", videoUrl = "http://video.example.test/2.mp4", videoTimeLength = 2491 },
                        },
                    },
                },
            },
        },
        thirdClassStudentInfoVoList = students.Select(s => new { cardNo = s.CardNo, studentCode = s.StudentCode, studentName = s.Name }).ToArray(),
    };
}

public static class EnvelopeAssert
{
    public static void Code(string expected, JsonObject answer)
    {
        Assert.True(expected == (string?)answer["returnCode"], $"expected returnCode {expected}, got {answer.ToJsonString()}");
        Assert.False(string.IsNullOrWhiteSpace((string?)answer["returnMsg"]));
    }

    /// <summary>The failure names the field it is about.</summary>
    public static void Names(string field, JsonObject answer) =>
        Assert.Contains(field, (string?)answer["returnMsg"] ?? "");
}
