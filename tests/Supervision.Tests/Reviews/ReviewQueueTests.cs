using System.Text.Json.Nodes;
using Supervision.TestFaces;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Reviews;

/// <summary>
/// The review queue as a reviewer pages and filters it, and as an attacker floods it: a learner's attempts in the band
/// are one item, the riskiest first, so a hundred attempts on a dummy learner bury no one else's borderline pass.
/// </summary>
public sealed class ReviewQueueTests(ReviewSystem review, PhotoServer photos) : IClassFixture<ReviewSystem>, IClassFixture<PhotoServer>
{
    private static readonly object FaceEveryFiveMinutes = new { videoOnHook = 2, faceTimeLimit = 1, videoOnHookDetail = new { triggerType = 1, triggervValue = 5 } };

    private SupervisionCluster System => review.System;

    [Fact]
    public async Task A_hundred_attempts_on_a_dummy_learner_are_one_item_and_the_real_borderline_pass_stays_on_the_first_page()
    {
        var real = await RegisteredAsync();
        var realBizCode = await PassAsync(real, capture: 1);
        System.Clock.Advance(TimeSpan.FromSeconds(30));

        // The attacker's dummy learner: a hundred attempts of someone else's face, each judged and stored, all newer.
        // Each photo differs a little: the same one sent twice in a row is a client's retry, answered without a new attempt.
        // A check every 31 s is the quickest the cap on face checks (20 in 10 minutes, docs/limits.md) lets through.
        var dummy = await RegisteredAsync();
        var attempts = 0;
        while (attempts < 100)
        {
            System.Clock.Advance(TimeSpan.FromSeconds(31));
            var bizCode = await dummy.GetFaceCheckAsync();
            for (var i = 0; i < 3 && attempts < 100; i++, attempts++)
                Assert.Equal(2, (int)(await dummy.SubmitFaceAsync(bizCode, SomeoneElse(attempts)))["returnData"]!["result"]!);
        }

        foreach (var order in new[] { "risk", "newest" })
        {
            var firstPage = await OperatorReads.QueueAsync(System, $"sort={order}");
            var items = firstPage["items"]!.AsArray().Select(i => i!).ToList();
            var flood = Assert.Single(items, i => (string?)i["classCode"] == dummy.ClassCode);
            Assert.Equal(100, (int)flood["attempts"]!);
            Assert.Equal(0, (int)flood["passes"]!);
            var borderline = Assert.Single(items, i => (string?)i["classCode"] == real.ClassCode);
            Assert.Equal(realBizCode, (string?)borderline["bizCode"]);
            Assert.Equal("same", (string?)borderline["machineDecision"]);
        }

        // Risk puts a pass, which earned credit, before any number of refusals.
        var riskiest = await OperatorReads.ItemsAsync(System, "sort=risk");
        Assert.True(riskiest.FindIndex(i => (string?)i["classCode"] == real.ClassCode) < riskiest.FindIndex(i => (string?)i["classCode"] == dummy.ClassCode));
        Assert.Equal(real.StudentUserCode, (string?)(await OperatorReads.ItemsAsync(System, $"classCode={real.ClassCode}")).Single()["studentUserCode"]);
        Assert.Equal(real.ClassCode, (string?)(await OperatorReads.ItemsAsync(System, $"platformCode={real.Platforms.LearningCode}")).Single()["classCode"]);
    }

    [Fact]
    public async Task A_reviewer_pages_through_one_platforms_learners_with_a_total_and_each_decision_brings_up_the_next_photo()
    {
        var first = await RegisteredAsync();
        var second = await RegisteredAsync(first.Platforms);
        var third = await RegisteredAsync(first.Platforms);
        await PassAsync(first, capture: 1);
        System.Clock.Advance(TimeSpan.FromSeconds(10));
        await PassAsync(second, capture: 1);
        System.Clock.Advance(TimeSpan.FromSeconds(10));
        await PassAsync(third, capture: 1);
        var failed = await third.GetFaceCheckAsync();
        Assert.Equal(2, (int)(await third.SubmitFaceAsync(failed, FacePhotos.Astronaut))["returnData"]!["result"]!);
        var platform = $"platformCode={first.Platforms.LearningCode}";

        var page1 = await OperatorReads.QueueAsync(System, $"{platform}&sort=newest&pageSize=2&page=1");
        var page2 = await OperatorReads.QueueAsync(System, $"{platform}&sort=newest&pageSize=2&page=2");
        var beyond = await OperatorReads.QueueAsync(System, $"{platform}&sort=newest&pageSize=2&page=3");

        Assert.All([page1, page2, beyond], page => Assert.Equal(3, (int)page["total"]!));
        Assert.Equal([third.StudentUserCode, second.StudentUserCode], Students(page1));
        Assert.Equal([first.StudentUserCode], Students(page2));
        Assert.Empty(Students(beyond));
        var thirds = (await OperatorReads.ItemsAsync(System, $"classCode={third.ClassCode}")).Single();
        Assert.Equal(2, (int)thirds["attempts"]!);
        Assert.Equal(1, (int)thirds["passes"]!);
        Assert.Equal("same", (string?)thirds["machineDecision"]);

        EnvelopeAssert.Code("0", await System.AdminAsync(HttpMethod.Post, $"/admin/face-reviews/{(long)thirds["photoId"]!}?decision=same_person"));
        var next = (await OperatorReads.ItemsAsync(System, $"classCode={third.ClassCode}")).Single();
        Assert.Equal(1, (int)next["attempts"]!);
        Assert.Equal(failed, (string?)next["bizCode"]);
        Assert.Equal("different", (string?)next["machineDecision"]);
    }

    [Fact]
    public async Task A_bad_page_size_or_order_is_refused_naming_it_and_an_unknown_platform_finds_nothing()
    {
        var badPage = await System.AdminAsync(HttpMethod.Get, "/admin/face-reviews?page=first");
        var badSize = await System.AdminAsync(HttpMethod.Get, "/admin/face-reviews?pageSize=1e3");
        var badOrder = await System.AdminAsync(HttpMethod.Get, "/admin/face-reviews?sort=random");
        var nobody = await OperatorReads.QueueAsync(System, "platformCode=NO-SUCH-PLATFORM&pageSize=1000");

        EnvelopeAssert.Code("1003", badPage);
        EnvelopeAssert.Names("page", badPage);
        EnvelopeAssert.Code("1003", badSize);
        EnvelopeAssert.Names("pageSize", badSize);
        EnvelopeAssert.Code("1003", badOrder);
        EnvelopeAssert.Names("sort", badOrder);
        Assert.Equal(0, (int)nobody["total"]!);
        Assert.Equal(100, (int)nobody["pageSize"]!);
    }

    private static byte[] SomeoneElse(int attempt) => FacePhotos.Variant(FacePhotos.Astronaut, brightness: 0.6f + (attempt * 0.004f));

    private static List<string> Students(JsonObject page) => page["items"]!.AsArray().Select(i => (string)i!["studentUserCode"]!).ToList();

    private async Task<Learner> RegisteredAsync(Platforms? platforms = null)
    {
        var learner = await Learner.EnrolAsync(System, FaceEveryFiveMinutes, firstVideoSeconds: 3600, platforms: platforms);
        await learner.SetPhotoAsync(photos.Publish(FacePhotos.Registered));
        EnvelopeAssert.Code("0", await learner.StartAsync());
        await learner.PlayMinutesAsync(5);
        return learner;
    }

    private static async Task<string> PassAsync(Learner learner, int capture)
    {
        var bizCode = await learner.GetFaceCheckAsync();
        Assert.Equal(1, (int)(await learner.SubmitFaceAsync(bizCode, FacePhotos.LiveCapture(capture)))["returnData"]!["result"]!);
        return bizCode;
    }
}
