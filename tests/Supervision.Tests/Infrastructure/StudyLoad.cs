using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Supervision.Tests.Infrastructure;

/// <summary>
/// Learners reporting on real time against a <see cref="ProcessCluster"/>, each resending the very same report
/// until it is answered, and counting the seconds acknowledged with "0" — what 2.5 must hold afterwards.
/// </summary>
public sealed class StudyLoad(ProcessCluster cluster, string learningCode, string learningToken, string businessToken, string classCode, string[] learners)
{
    private const string Course = "load-course";
    private const string Video = "load-video";

    public long[] Acknowledged { get; } = new long[learners.Length];

    /// <summary>When each learner first got an answer after <see cref="Mark"/>.</summary>
    public DateTime[] FirstAnswerAfterMark { get; } = new DateTime[learners.Length];

    public DateTime Mark { get; set; } = DateTime.MaxValue;

    /// <summary>Every refusal seen, by returnCode; "none" counts requests that got no answer at all.</summary>
    public ConcurrentDictionary<string, int> Refusals { get; } = new();

    public static async Task<StudyLoad> ProvisionAsync(ProcessCluster cluster, int count)
    {
        var learningCode = TestIds.Code("lp");
        var businessCode = TestIds.Code("bp");
        var url = $"http://{learningCode}.example.test/api";
        foreach (var (code, role) in new[] { (learningCode, "learning"), (businessCode, "business") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/platforms")
            {
                Content = JsonContent.Create(new { code, name = code, role, account = code, password = "load-password", apiBaseUrl = role == "learning" ? url : null }),
            };
            request.Headers.Add("X-Admin-Key", ProcessCluster.AdminKey);
            (await cluster.Http.SendAsync(request)).EnsureSuccessStatusCode();
        }

        var learningToken = await LogInAsync(cluster, learningCode);
        var businessToken = await LogInAsync(cluster, businessCode);
        var classCode = TestIds.Code();
        var learners = Enumerable.Range(0, count).Select(_ => TestIds.Code("s")).ToArray();
        var push = await TryPostAsync(cluster, "/api/class/v1/pushClassInfo", Envelope(businessToken, new JsonObject
        {
            ["studyPlatformApiUrl"] = url, ["classCode"] = classCode, ["trainClassName"] = "load", ["orgCode"] = "o", ["orgName"] = "o",
            ["thirdClassCourseInfoVoList"] = new JsonArray(new JsonObject
            {
                ["courseCode"] = Course,
                ["children"] = new JsonArray(new JsonObject { ["chapterCode"] = "load-chapter", ["children"] = new JsonArray(new JsonObject { ["resCode"] = Video, ["videoTimeLength"] = 36000 }) }),
            }),
            ["thirdClassStudentInfoVoList"] = new JsonArray(learners.Select(l => (JsonNode)new JsonObject { ["cardNo"] = TestIds.IdNumber(), ["studentCode"] = l, ["studentName"] = "学员" }).ToArray()),
        }, DateTime.UtcNow));
        Assert.Equal("0", (string?)push?["returnCode"]);
        var load = new StudyLoad(cluster, learningCode, learningToken, businessToken, classCode, learners);
        foreach (var learner in learners)
        {
            Assert.Equal("0", (string?)(await TryPostAsync(cluster, "/api/v1/startStudy", Envelope(learningToken, load.Study(learner), DateTime.UtcNow)))?["returnCode"]);
        }

        return load;
    }

    /// <summary>Every learner reports every 200 ms, with honest progress, until <paramref name="stop"/>.</summary>
    public Task RunUntilAsync(DateTime stop) => Task.WhenAll(learners.Select(async (learner, i) =>
    {
        var position = 0;
        var last = DateTime.UtcNow;
        while (DateTime.UtcNow < stop)
        {
            await Task.Delay(200);
            var now = DateTime.UtcNow;
            var progress = (int)(now - last).TotalSeconds;
            last = last.AddSeconds(progress);
            position += progress;
            var data = Study(learner);
            data["playTime"] = position;
            data["progressTime"] = progress;
            var envelope = Envelope(learningToken, data, now);
            while (true)
            {
                var answer = await TryPostAsync(cluster, "/api/v1/studyHour", envelope);
                var code = (string?)answer?["returnCode"];
                if (code == "0")
                {
                    Acknowledged[i] += (int)answer!["returnData"]!["credited"]!;
                    if (DateTime.UtcNow > Mark && FirstAnswerAfterMark[i] == default)
                    {
                        FirstAnswerAfterMark[i] = DateTime.UtcNow;
                    }

                    break;
                }

                Refusals.AddOrUpdate(code ?? "none", 1, (_, n) => n + 1);
                await Task.Delay(100);
            }
        }
    }));

    /// <summary>2.5 holds, for every learner, exactly what was acknowledged: nothing lost, nothing counted twice.</summary>
    public async Task AssertCreditEqualsAcknowledgedAsync()
    {
        var answer = await TryPostAsync(cluster, "/api/class/v1/classStudentStudy", Envelope(businessToken, new JsonObject { ["classCode"] = classCode }, DateTime.UtcNow));
        var credited = answer!["returnData"]!.AsArray().ToDictionary(r => (string)r!["userCode"]!, r => long.Parse((string)r!["playTime"]!));
        for (var i = 0; i < learners.Length; i++)
        {
            Assert.Equal(Acknowledged[i], credited.GetValueOrDefault(learners[i]));
        }
    }

    private JsonObject Study(string learner) => new()
    {
        ["studyPlatformCode"] = learningCode, ["classCode"] = classCode, ["studentUserCode"] = learner, ["courseCode"] = Course, ["resCode"] = Video,
    };

    private static async Task<string> LogInAsync(ProcessCluster cluster, string account)
    {
        var answer = await TryPostAsync(cluster, "/api/v1/thlogin", Envelope(null, new JsonObject { ["studyPlatformAcount"] = account, ["passWord"] = "load-password" }, DateTime.UtcNow));
        return (string)answer!["returnData"]!["acceptToken"]!;
    }

    private static string Envelope(string? token, JsonObject data, DateTime at) => new JsonObject
    {
        ["headers"] = new JsonObject { ["deviceType"] = "TYPE_PC", ["timestamp"] = new DateTimeOffset(at).ToUnixTimeMilliseconds().ToString(), ["deviceId"] = "load", ["userToken"] = token },
        ["data"] = data,
    }.ToJsonString();

    /// <summary>
    /// The parsed answer, or null when none came (connection refused, timeout). A connection made just as the server
    /// dies can fail reading its own endpoint, which HttpClient lets through as a bare SocketException.
    /// </summary>
    private static async Task<JsonObject?> TryPostAsync(ProcessCluster cluster, string path, string body)
    {
        try
        {
            using var response = await cluster.Http.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())?.AsObject();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Net.Sockets.SocketException or IOException)
        {
            return null;
        }
    }
}
