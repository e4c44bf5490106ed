using Microsoft.Playwright;
using Supervision.TestFaces;
using Supervision.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Supervision.Tests.Console;

/// <summary>
/// The regulator's questions in Chromium, each answered in words a person reads: who is cheating, which classes and
/// platforms are worst, what one learner did that day down to the check photo; and every list that is empty says so.
/// Each page is kept as a screenshot (artifacts/console/, the ones in docs/console/ come from here).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RegulatorBrowserTests(SupervisionCluster system, ChromiumBrowser chromium, PhotoServer photos)
    : IClassFixture<ChromiumBrowser>, IClassFixture<PhotoServer>
{
    private static readonly LocatorAssertionsToHaveCountOptions Soon = new() { Timeout = 10_000 };

    [Fact]
    public async Task A_regulator_follows_a_cheater_from_the_overview_to_the_photo_of_their_failed_face_check()
    {
        var platforms = await Platforms.ProvisionAsync(system);
        var honest = await Learner.EnrolAsync(system, platforms: platforms, firstVideoSeconds: 3600);
        var cheater = await Learner.EnrolAsync(system, FaceEveryMinute, 3600, platforms);
        await cheater.SetPhotoAsync(photos.Publish(FacePhotos.Hopper));
        await honest.StartAsync();
        await cheater.StartAsync();
        await honest.PlayMinutesAsync(1);
        await cheater.PlayMinutesAsync(1);
        var judged = await cheater.SubmitFaceAsync(await cheater.GetFaceCheckAsync(), FacePhotos.Astronaut);
        Assert.Equal(2, (int)judged["returnData"]!["result"]!);

        var page = await chromium.LogInAsync(system, "监管 陈");
        await page.GotoAsync("/console/#/overview");
        await Expect(page.Locator("#needs-now")).ToBeVisibleAsync();
        await Expect(page.Locator("#card-learners strong")).Not.ToHaveTextAsync("0");
        await ChromiumBrowser.ScreenshotAsync(page, "overview");

        await page.ClickAsync("#card-learners");
        await Expect(page.Locator("#risk-learners")).ToBeVisibleAsync();
        await page.SelectOptionAsync("#risk-filter select[name=platformCode]", platforms.LearningCode);
        await page.ClickAsync("#risk-filter button[type=submit]");
        var row = page.Locator($"#risk-learners tr[data-learner='{cheater.ClassCode}/{cheater.StudentUserCode}']");
        await Expect(page.Locator("#risk-learners tbody tr")).ToHaveCountAsync(1, Soon);
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("人脸不是本人");
        await Expect(row).ToContainTextAsync("Face is someone else");
        await Expect(row.Locator("span.kind[title='face_mismatch']")).ToBeVisibleAsync();
        Assert.DoesNotContain("face_mismatch", await row.InnerTextAsync());
        await ChromiumBrowser.ScreenshotAsync(page, "risk-learners");

        await row.GetByRole(AriaRole.Link, new() { Name = cheater.StudentUserCode }).ClickAsync();
        var attempt = page.Locator("#timeline tr[data-kind='check_attempt']");
        await Expect(attempt).ToHaveCountAsync(1, Soon);
        await Expect(attempt).ToContainTextAsync("未通过：不是本人");
        await Expect(attempt).ToContainTextAsync("failed: not the registered student");
        await Expect(attempt.Locator("td[data-outcome]")).Not.ToHaveTextAsync("0");
        Assert.DoesNotContain("check_attempt", await page.Locator("#timeline").InnerTextAsync());
        await Expect(attempt.Locator("img[data-photo]")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('#timeline tr[data-kind=check_attempt] img[data-photo]'); return i && i.complete && i.naturalWidth > 0; }");
        await Expect(attempt.Locator("figcaption")).ToContainTextAsync("score");
        await Expect(page.Locator("#student-policy")).ToContainTextAsync("人脸验证，每学习 1 分钟一次");
        await Expect(page.Locator("#student-policy")).ToContainTextAsync("a face check every minute of study");
        await Expect(page.Locator("#student-policy")).Not.ToContainTextAsync("type 1");
        await Expect(page.Locator("#timeline tr[data-kind='session_start'] td.words p[lang='en']")).ToHaveTextAsync("started video \"第一节\"");
        await Expect(page.Locator($"#timeline tr[data-kind='session_start'] span.named[title='{cheater.FirstVideo}']").First).ToHaveTextAsync("第一节");
        await ChromiumBrowser.ScreenshotAsync(page, "learner-day");
    }

    [Fact]
    public async Task The_worst_classes_and_platforms_count_flagged_learners_and_lead_to_them()
    {
        var platforms = await Platforms.ProvisionAsync(system);
        var honest = await Learner.EnrolAsync(system, platforms: platforms, firstVideoSeconds: 3600);
        var cheater = await Learner.EnrolAsync(system, platforms: platforms, firstVideoSeconds: 3600);
        await honest.StartAsync();
        await cheater.StartAsync();
        await honest.PlayMinutesAsync(1);
        system.Clock.Advance(TimeSpan.FromSeconds(10));
        await cheater.ReportAsync(600, 600);

        var page = await chromium.LogInAsync(system, "监管 陈");
        await page.GotoAsync($"/console/#/risk-groups?platformCode={platforms.LearningCode}");
        var platform = page.Locator($"#risk-platforms tr[data-group='{platforms.LearningCode}']");
        await Expect(platform).ToBeVisibleAsync();
        await Expect(platform.Locator("td").Nth(1)).ToHaveTextAsync("1"); // flagged learners: the cheater, not the honest one
        await Expect(platform).ToContainTextAsync("进度超过时钟");
        await Expect(page.Locator("#risk-classes tbody tr")).ToHaveCountAsync(1, Soon);
        await ChromiumBrowser.ScreenshotAsync(page, "risk-groups");

        await page.Locator($"#risk-classes tr[data-group='{cheater.ClassCode}'] a").First.ClickAsync();
        await Expect(page.Locator("#risk-learners tbody tr")).ToHaveCountAsync(1, Soon);
        await Expect(page.Locator($"#risk-learners tr[data-learner='{cheater.ClassCode}/{cheater.StudentUserCode}']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_swap_shows_the_photos_kept_at_the_swap_with_their_digests_and_says_in_words_of_one_that_was_not_kept()
    {
        var platforms = await Platforms.ProvisionAsync(system);
        var swapper = await Learner.EnrolAsync(system, platforms: platforms);
        var before = photos.Publish(FacePhotos.Hopper);
        await swapper.SetPhotoAsync(before);
        await swapper.StartAsync();
        await swapper.SetPhotoAsync(photos.Publish(FacePhotos.Astronaut));
        photos.Replace(before, FacePhotos.Cat);
        var careless = await Learner.EnrolAsync(system, platforms: platforms);
        var deleted = photos.Publish(FacePhotos.Hopper);
        await careless.SetPhotoAsync(deleted);
        await careless.StartAsync();
        photos.Withdraw(deleted);
        await careless.SetPhotoAsync(photos.Publish(FacePhotos.Astronaut));

        var page = await chromium.LogInAsync(system, "监管 陈");
        await page.GotoAsync($"/console/#/classes/{swapper.ClassCode}/students/{swapper.StudentUserCode}");
        var swap = page.Locator("#anomalies tr[data-anomaly='photo_changed_after_study']");
        foreach (var (side, kept) in new[] { ("before", FacePhotos.Hopper), ("after", FacePhotos.Astronaut) })
        {
            var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(kept));
            await Expect(swap.Locator($"img[data-swap='{side}']")).ToBeVisibleAsync();
            await page.WaitForFunctionAsync($"() => {{ const i = document.querySelector(\"img[data-swap='{side}']\"); return i && i.complete && i.naturalWidth > 0; }}");
            await Expect(swap.Locator($"figure:has(img[data-swap='{side}']) .digest")).ToHaveTextAsync($"SHA-256 {digest[..16]}…");
            await Expect(swap.Locator($"figure:has(img[data-swap='{side}']) .digest")).ToHaveAttributeAsync("title", digest);
        }

        await Expect(swap.Locator("figcaption").First).ToContainTextAsync("the photo registered before");
        await ChromiumBrowser.ScreenshotAsync(page, "photo-swap-kept");

        await page.GotoAsync($"/console/#/classes/{careless.ClassCode}/students/{careless.StudentUserCode}");
        var unkept = page.Locator("#anomalies figure[data-swap-unkept='before']");
        await Expect(unkept).ToBeVisibleAsync();
        await Expect(unkept).ToContainTextAsync("换照片时无法获取，未保存");
        await Expect(unkept).ToContainTextAsync("could not be fetched at the swap: not kept");
        await Expect(page.Locator("#anomalies img[data-swap='before']")).ToHaveCountAsync(0);
        await Expect(page.Locator("#anomalies img[data-swap='after']")).ToBeVisibleAsync();
        await Expect(page.Locator("#error")).ToBeHiddenAsync();
        await ChromiumBrowser.ScreenshotAsync(page, "photo-swap-not-kept");
    }

    [Fact]
    public async Task Every_list_with_nothing_in_it_says_so_in_words()
    {
        var learner = await Learner.EnrolAsync(system, firstVideoSeconds: 3600);
        var page = await chromium.LogInAsync(system, "监管 陈");

        await page.GotoAsync($"/console/#/anomalies?classCode={learner.ClassCode}");
        await Expect(page.Locator("#anomalies-empty")).ToContainTextAsync("No anomaly matches these filters.");
        await page.GotoAsync($"/console/#/face-reviews?classCode={learner.ClassCode}");
        await Expect(page.Locator("#face-reviews-empty")).ToBeVisibleAsync();
        await Expect(page.Locator("#face-reviews-empty")).ToContainTextAsync("没有待复核的人脸验证");
        await ChromiumBrowser.ScreenshotAsync(page, "face-reviews-empty");
        await page.GotoAsync($"/console/#/risk?classCode={learner.ClassCode}");
        await Expect(page.Locator("#risk-learners-empty")).ToContainTextAsync("No learner had an anomaly");
        await page.GotoAsync($"/console/#/classes?search=no-such-class-{learner.ClassCode}");
        await Expect(page.Locator("#classes-empty")).ToBeVisibleAsync();
        await page.GotoAsync($"/console/#/classes/{learner.ClassCode}/students/{learner.StudentUserCode}");
        await Expect(page.Locator("#timeline-empty")).ToContainTextAsync("Nothing was recorded that day.");
        await Expect(page.Locator("#anomalies-empty")).ToContainTextAsync("No anomaly that day.");

        await page.SelectOptionAsync("#language", "en");
        await Expect(page.Locator("#timeline-empty span[lang='zh-CN']")).ToBeHiddenAsync();
        await Expect(page.Locator("#timeline-empty span[lang='en']")).ToBeVisibleAsync();
        await page.SelectOptionAsync("#language", "both");
    }

    private static readonly object FaceEveryMinute = new { videoOnHook = 2, faceTimeLimit = 1, videoOnHookDetail = new { triggerType = 1, triggervValue = 1 } };
}
