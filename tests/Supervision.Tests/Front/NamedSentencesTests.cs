using System.Text.Json.Nodes;
using Supervision.Contracts.Evidence;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Front;

/// <summary>
/// The server's sentences name the platform and the video by the names it knows, in Chinese and in English; the codes
/// stay in the structured fields, and each answer lists the names its sentence said with their codes.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class NamedSentencesTests(SupervisionCluster system)
{
    private const string PlatformName = "安学在线职业培训平台";

    [Fact]
    public async Task A_swap_names_the_swapping_platform_by_its_name_in_both_languages_and_keeps_its_code_in_the_details()
    {
        var platforms = await Platforms.ProvisionAsync(system, PlatformName);
        var swapper = await Learner.EnrolAsync(system, platforms: platforms);
        await swapper.SetPhotoAsync("http://img.example.test/registered.jpg");
        EnvelopeAssert.Code("0", await swapper.StartAsync());
        await swapper.SetPhotoAsync("http://img.example.test/someone-else.jpg");

        var swap = (await system.AdminAsync(HttpMethod.Get, $"/admin/classes/{swapper.ClassCode}/students/{swapper.StudentUserCode}"))["returnData"]!["anomalies"]!
            .AsArray().Single(a => (string?)a!["kind"] == AnomalyKind.PhotoChangedAfterStudy)!;

        Assert.Contains($"平台 {PlatformName} 把登记照片换成了另一张", (string?)swap["words"]!["zh"]);
        Assert.StartsWith($"platform {PlatformName} replaced the registered photo", (string?)swap["words"]!["en"]);
        Assert.DoesNotContain(platforms.LearningCode, (string?)swap["words"]!["zh"] + (string?)swap["words"]!["en"]);
        Assert.Equal(platforms.LearningCode, (string?)swap["details"]!["changedBy"]);
        AssertNamed(swap, platforms.LearningCode, PlatformName);

        // The cross-class list says the same.
        var listed = (await system.AdminAsync(HttpMethod.Get, $"/admin/anomalies?kind={AnomalyKind.PhotoChangedAfterStudy}&limit=5000"))["returnData"]!.AsArray()
            .Single(a => (long)a!["id"]! == (long)swap["id"]!)!;
        Assert.Equal((string?)swap["words"]!["en"], (string?)listed["words"]!["en"]);
    }

    [Fact]
    public async Task A_timeline_names_the_video_by_its_title_in_both_languages_and_keeps_its_code_in_resCode()
    {
        var learner = await Learner.EnrolAsync(system);
        EnvelopeAssert.Code("0", await learner.StartAsync());

        var start = (await system.AdminAsync(HttpMethod.Get, $"/admin/classes/{learner.ClassCode}/students/{learner.StudentUserCode}/timeline"))["returnData"]!
            .AsArray().Single(e => (string?)e!["kind"] == EvidenceKind.SessionStart)!;

        Assert.Equal("开始学习视频《第一节》", (string?)start["words"]!["zh"]);
        Assert.Equal("started video \"第一节\"", (string?)start["words"]!["en"]);
        Assert.Equal(learner.FirstVideo, (string?)start["resCode"]);
        AssertNamed(start, learner.FirstVideo, "第一节");
    }

    private static void AssertNamed(JsonNode answer, string code, string name) =>
        Assert.Contains(answer["names"]!.AsArray(), n => (string?)n!["code"] == code && (string?)n["name"] == name);
}
