using System.Text.Json.Nodes;
using Supervision.Contracts.Courses;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Delivery;

[Collection(DeliveryCollection.Name)]
public sealed class CataloguePullTests(DeliverySystem delivery)
{
    private SupervisionCluster System => delivery.System;

    [Fact]
    public async Task A_pull_stores_every_page_of_the_catalogue_exactly_deletions_included()
    {
        await using var fake = await FakeLearningPlatform.StartAsync();
        var platforms = await delivery.ProvisionAsync(fake);
        var codes = Enumerable.Range(0, 5).Select(_ => TestIds.Code("course")).ToArray();
        fake.Catalogue =
        [
            new JsonArray(Package(codes[0], "0", 1200), Package(codes[1], "0", 600)),
            new JsonArray(Package(codes[2], "2", 900), Package(codes[3], "1", 300)),
            new JsonArray(Package(codes[4], "0", 45)),
        ];

        var queued = await System.AdminAsync(HttpMethod.Post, $"/admin/platforms/{platforms.LearningCode}/pull");
        EnvelopeAssert.Code("0", queued);
        Assert.Equal("pull", (string?)queued["returnData"]!["kind"]);
        await delivery.WaitForAsync(DeliverySystem.PullOf(platforms.LearningCode), "delivered");

        var pages = fake.Received.Where(r => r.Path == "/api/v1/thirdCoursePull").Select(r => r.Body["data"]!).ToList();
        // A page asked for again is the delivery's retry of a call that outlived its attempt timeout (500 ms here,
        // which a loaded machine can exceed); what matters is that every page was asked for, in order.
        Assert.Equal([1, 2, 3], pages.Select(p => (int)p["pageNo"]!).Distinct());
        Assert.All(pages, p => Assert.Equal(2, (int)p["pageSize"]!));

        var courses = await Task.WhenAll(codes.Select(code => System.Grains.GetGrain<ICourseGrain>(code).Describe()));
        Assert.All(courses, course => Assert.Equal(platforms.LearningCode, course!.PlatformCode));
        Assert.Equal([false, false, false, true, false], courses.Select(c => c!.Deleted));
        Assert.Equal([1200, 600, 900, 300, 45], courses.Select(c => c!.Package.Chapters[0].Sections[0].Resources[0].DurationSeconds));
        Assert.Equal("Course " + codes[2], courses[2]!.Package.CourseName);
        Assert.Equal("res-" + codes[4], courses[4]!.Package.Chapters[0].Sections[0].Resources[0].ResCode);
    }

    /// <summary>
    /// Pages are stored one at a time as they are read, so a silo holds one page whatever the catalogue's size (up to
    /// 16 MiB × 1,000 pages were once held at once): the page before a garbled one is already stored, the garbled one not.
    /// </summary>
    [Fact]
    public async Task A_garbled_page_fails_the_pull_and_stores_nothing_of_itself_while_the_pages_before_it_are_stored()
    {
        await using var fake = await FakeLearningPlatform.StartAsync();
        var platforms = await delivery.ProvisionAsync(fake);
        var good = TestIds.Code("course");
        var broken = Package(TestIds.Code("course"), "0", 60);
        broken["chapterList"]![0]!["sectionList"]![0]!["sectionSourceList"]![0]!["duration"] = "an hour";
        fake.Catalogue = [new JsonArray(Package(good, "0", 60)), new JsonArray(broken)];

        await System.AdminAsync(HttpMethod.Post, $"/admin/platforms/{platforms.LearningCode}/pull");

        var failed = await delivery.WaitForAsync(DeliverySystem.PullOf(platforms.LearningCode), "retrying", advanceClock: false);
        Assert.Contains("duration", (string?)failed["lastError"]);
        Assert.NotNull(await System.Grains.GetGrain<ICourseGrain>(good).Describe());
        Assert.Null(await System.Grains.GetGrain<ICourseGrain>((string)broken["courseCode"]!).Describe());
    }

    [Fact]
    public async Task Catalogues_are_pulled_on_schedule()
    {
        await using var fake = await FakeLearningPlatform.StartAsync();
        var platforms = await delivery.ProvisionAsync(fake);
        var code = TestIds.Code("course");
        fake.Catalogue = [new JsonArray(Package(code, "0", 60))];

        System.Clock.Advance(TimeSpan.FromDays(1));

        await delivery.WaitForAsync(DeliverySystem.PullOf(platforms.LearningCode), "delivered", advanceClock: false);
        Assert.NotNull(await System.Grains.GetGrain<ICourseGrain>(code).Describe());
    }

    [Fact]
    public async Task Only_a_registered_learning_platform_can_be_pulled()
    {
        EnvelopeAssert.Code("1207", await System.AdminAsync(HttpMethod.Post, "/admin/platforms/no-such-platform/pull"));
        EnvelopeAssert.Code("1109", await System.AdminAsync(HttpMethod.Post, "/admin/platforms/x/pull", key: "wrong"));
    }

    /// <summary>A 1.13-shaped package: one chapter, one section, one video of <paramref name="seconds"/>.</summary>
    private static JsonObject Package(string code, string status, int seconds) => new()
    {
        ["courseCode"] = code,
        ["courseName"] = "Course " + code,
        ["workName"] = "焊工",
        ["courseStatus"] = status,
        ["chapterList"] = new JsonArray(new JsonObject
        {
            ["chapterName"] = "第1章",
            ["chapterCode"] = "ch-" + code,
            ["chapterSort"] = "1",
            ["sectionList"] = new JsonArray(new JsonObject
            {
                ["sectionName"] = "第1节",
                ["sectionCode"] = "sec-" + code,
                ["sectionSort"] = 1,
                ["sectionSourceList"] = new JsonArray(new JsonObject
                {
                    ["resName"] = "视频",
                    ["resCode"] = "res-" + code,
                    ["videoUrl"] = "http://video.example.test/1.mp4",
                    ["resSort"] = "1",
                    ["duration"] = seconds.ToString(),
                }),
            }),
        }),
    };
}
