using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Supervision.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Supervision.Tests.Faults;

/// <summary>
/// Two silo processes and a front under a load of learners; one silo is killed with SIGKILL mid-load.
/// Clients retry what went unanswered. Afterwards every learner's 2.5 credit equals the seconds the
/// front acknowledged with "0": nothing acknowledged is lost, nothing is counted twice.
/// </summary>
public sealed class SiloCrashTests(ITestOutputHelper output)
{
    private const int Learners = 40;

    [Fact]
    public async Task Killing_a_silo_under_load_loses_no_acknowledged_second_and_counts_none_twice()
    {
        await using var cluster = await ProcessCluster.StartAsync(silos: 2);
        var (learningToken, businessToken, learners, classCode, learningCode) = await ProvisionAsync(cluster);

        var acknowledged = new long[Learners];
        var firstAnswerAfterKill = new DateTime[Learners];
        var killedAt = DateTime.MaxValue;
        var stop = DateTime.UtcNow + TimeSpan.FromSeconds(16);
        var load = Enumerable.Range(0, Learners).Select(async i =>
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
                var envelope = Envelope(learningToken, new JsonObject
                {
                    ["studyPlatformCode"] = learningCode, ["classCode"] = classCode, ["studentUserCode"] = learners[i], ["courseCode"] = "crash-course",
                    ["resCode"] = "crash-video", ["playTime"] = position, ["progressTime"] = progress,
                }, now);

                // A client that gets no answer sends the very same report again until it gets one.
                while (true)
                {
                    var answer = await TryPostAsync(cluster, "/api/v1/studyHour", envelope);
                    if ((string?)answer?["returnCode"] == "0")
                    {
                        acknowledged[i] += (int)answer!["returnData"]!["credited"]!;
                        if (DateTime.UtcNow > killedAt && firstAnswerAfterKill[i] == default)
                        {
                            firstAnswerAfterKill[i] = DateTime.UtcNow;
                        }

                        break;
                    }

                    Assert.True(answer is null || (string?)answer["returnCode"] is "5000" or "5001", $"unexpected answer {answer?.ToJsonString()}");
                    await Task.Delay(100);
                }
            }
        }).ToList();

        await Task.Delay(TimeSpan.FromSeconds(4));
        killedAt = DateTime.UtcNow;
        cluster.KillSilo(1);
        await Task.WhenAll(load);

        // The learner who waited longest for an answer after the kill: the time the cluster took to recover.
        var recovery = firstAnswerAfterKill.Max() - killedAt;
        var credited = await CreditedAsync(cluster, businessToken, classCode);
        output.WriteLine($"recovered within {recovery.TotalSeconds:F1} s; acknowledged {acknowledged.Sum()} s over {Learners} learners");
        for (var i = 0; i < Learners; i++)
        {
            Assert.Equal(acknowledged[i], credited.GetValueOrDefault(learners[i]));
        }

        Assert.True(acknowledged.Sum() > Learners * 8, "the load did not run long enough after the kill to mean anything");
    }

    private static async Task<(string Learning, string Business, string[] Learners, string ClassCode, string LearningCode)> ProvisionAsync(ProcessCluster cluster)
    {
        var learningCode = TestIds.Code("lp");
        var businessCode = TestIds.Code("bp");
        var url = $"http://{learningCode}.example.test/api";
        foreach (var (code, role) in new[] { (learningCode, "learning"), (businessCode, "business") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/platforms")
            {
                Content = JsonContent.Create(new { code, name = code, role, account = code, password = "crash-password", apiBaseUrl = role == "learning" ? url : null }),
            };
            request.Headers.Add("X-Admin-Key", ProcessCluster.AdminKey);
            (await cluster.Http.SendAsync(request)).EnsureSuccessStatusCode();
        }

        var learning = await LogInAsync(cluster, learningCode);
        var business = await LogInAsync(cluster, businessCode);
        var classCode = TestIds.Code();
        var learners = Enumerable.Range(0, Learners).Select(_ => TestIds.Code("s")).ToArray();
        var push = await TryPostAsync(cluster, "/api/class/v1/pushClassInfo", Envelope(business, new JsonObject
        {
            ["studyPlatformApiUrl"] = url, ["classCode"] = classCode, ["trainClassName"] = "crash", ["orgCode"] = "o", ["orgName"] = "o",
            ["thirdClassCourseInfoVoList"] = new JsonArray(new JsonObject
            {
                ["courseCode"] = "crash-course",
                ["children"] = new JsonArray(new JsonObject { ["chapterCode"] = "crash-chapter", ["children"] = new JsonArray(new JsonObject { ["resCode"] = "crash-video", ["videoTimeLength"] = 36000 }) }),
            }),
            ["thirdClassStudentInfoVoList"] = new JsonArray(learners.Select(l => (JsonNode)new JsonObject { ["cardNo"] = TestIds.IdNumber(), ["studentCode"] = l, ["studentName"] = "学员" }).ToArray()),
        }, DateTime.UtcNow));
        Assert.Equal("0", (string?)push?["returnCode"]);
        foreach (var learner in learners)
        {
            var start = await TryPostAsync(cluster, "/api/v1/startStudy", Envelope(learning, new JsonObject
            {
                ["studyPlatformCode"] = learningCode, ["classCode"] = classCode, ["studentUserCode"] = learner, ["courseCode"] = "crash-course", ["resCode"] = "crash-video",
            }, DateTime.UtcNow));
            Assert.Equal("0", (string?)start?["returnCode"]);
        }

        return (learning, business, learners, classCode, learningCode);
    }

    private static async Task<string> LogInAsync(ProcessCluster cluster, string account)
    {
        var answer = await TryPostAsync(cluster, "/api/v1/thlogin", Envelope(null, new JsonObject { ["studyPlatformAcount"] = account, ["passWord"] = "crash-password" }, DateTime.UtcNow));
        return (string)answer!["returnData"]!["acceptToken"]!;
    }

    private static async Task<Dictionary<string, long>> CreditedAsync(ProcessCluster cluster, string token, string classCode)
    {
        var answer = await TryPostAsync(cluster, "/api/class/v1/classStudentStudy", Envelope(token, new JsonObject { ["classCode"] = classCode }, DateTime.UtcNow));
        return answer!["returnData"]!.AsArray().ToDictionary(r => (string)r!["userCode"]!, r => long.Parse((string)r!["playTime"]!));
    }

    private static string Envelope(string? token, JsonObject data, DateTime at) => new JsonObject
    {
        ["headers"] = new JsonObject { ["deviceType"] = "TYPE_PC", ["timestamp"] = new DateTimeOffset(at).ToUnixTimeMilliseconds().ToString(), ["deviceId"] = "crash", ["userToken"] = token },
        ["data"] = data,
    }.ToJsonString();

    /// <summary>The parsed answer, or null when none came (connection refused, timeout).</summary>
    private static async Task<JsonObject?> TryPostAsync(ProcessCluster cluster, string path, string body)
    {
        try
        {
            using var response = await cluster.Http.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())?.AsObject();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }
}
