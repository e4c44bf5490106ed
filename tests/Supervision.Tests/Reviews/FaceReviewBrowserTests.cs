using Microsoft.Playwright;
using Supervision.TestFaces;
using Supervision.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Supervision.Tests.Reviews;

/// <summary>
/// The review queue in Chromium, as a reviewer sees it: one card per learner however many attempts, both photos with
/// the registered one as compared, a filter by class, a decision clicked and confirmed, its effect on 2.5 and the timeline.
/// </summary>
public sealed class FaceReviewBrowserTests(ReviewSystem review, PhotoServer photos, ChromiumBrowser chromium)
    : IClassFixture<ReviewSystem>, IClassFixture<PhotoServer>, IClassFixture<ChromiumBrowser>
{
    private static readonly object FaceEveryFiveMinutes = new { videoOnHook = 2, faceTimeLimit = 1, videoOnHookDetail = new { triggerType = 1, triggervValue = 5 } };
    private static readonly LocatorAssertionsToHaveCountOptions Soon = new() { Timeout = 10_000 };

    [Fact]
    public async Task A_reviewer_finds_the_learner_among_a_flood_filters_by_class_rejects_the_check_and_the_voided_credit_shows_in_2_5_and_on_the_timeline()
    {
        var system = review.System;
        var learner = await LearnerAsync(system);
        var bizCode = await learner.GetFaceCheckAsync();
        Assert.Equal(1, (int)(await learner.SubmitFaceAsync(bizCode, FacePhotos.LiveCapture(1)))["returnData"]!["result"]!);
        var underPass = (await learner.PlayMinutesAsync(2, 300)).Sum(Learner.Credited);
        var before = await learner.StudyRecordAsync();
        await learner.SetPhotoAsync(photos.Publish(FacePhotos.Astronaut)); // after the check: the card keeps the photo compared

        var dummy = await LearnerAsync(system);
        for (var check = 0; check < 2; check++)
        {
            var dummyCode = await dummy.GetFaceCheckAsync();
            for (var attempt = 0; attempt < 3; attempt++)
                Assert.Equal(2, (int)(await dummy.SubmitFaceAsync(dummyCode, FacePhotos.Variant(FacePhotos.Astronaut, brightness: 0.6f + (0.05f * ((check * 3) + attempt)))))["returnData"]!["result"]!);
        }

        var page = await chromium.LogInAsync(system, "审核员 王", "reviewer");
        await page.GetByRole(AriaRole.Link, new() { Name = "人脸复核 Face review" }).ClickAsync();
        var card = Card(page, learner);
        var flood = Card(page, dummy);
        await Expect(card).ToHaveCountAsync(1, Soon);
        await Expect(flood).ToHaveCountAsync(1);
        await Expect(flood).ToContainTextAsync("6 (通过 passed 0)");
        await Expect(card).ToContainTextAsync("1 (通过 passed 1)");
        await Expect(card.Locator($"a[data-code='{learner.StudentUserCode}']")).ToHaveTextAsync("张丽");
        await Expect(card.GetByText("比对时的登记照 Registered photo as compared")).ToBeVisibleAsync();
        await Expect(page.GetByText("第 1 / 1 页 Page 1 of 1")).ToBeVisibleAsync();
        await WaitForPhotosAsync(page);
        await ChromiumBrowser.ScreenshotAsync(page, "10-face-review");

        await page.GetByLabel("班级 Class").FillAsync(learner.ClassCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选 Filter" }).ClickAsync();
        await Expect(page.Locator("article.review")).ToHaveCountAsync(1, Soon);
        await Expect(card).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "人脸复核 Face checks to review (1 名学员 learners)" })).ToBeVisibleAsync();
        await WaitForPhotosAsync(page);
        await Expect(card.Locator("img")).ToHaveCountAsync(2);
        await ChromiumBrowser.ScreenshotAsync(page, "10-face-review-filtered");

        var reject = card.GetByRole(AriaRole.Button, new() { Name = "不是同一人 Not the same person" });
        await Expect(reject).ToBeEnabledAsync();
        await reject.ClickAsync();
        await Expect(page.Locator("#face-reviews-empty")).ToBeVisibleAsync();
        await Expect(page.Locator("#face-reviews-empty")).ToContainTextAsync("Nothing to review");

        Assert.Equal(before - underPass, await learner.StudyRecordAsync());
        await page.GotoAsync($"/console/#/classes/{learner.ClassCode}/students/{learner.StudentUserCode}");
        await Expect(page.Locator("#timeline tr[data-kind='credit_voided']")).ToHaveCountAsync(1, Soon);
        await Expect(page.Locator("#timeline tr[data-kind='credit_voided']")).ToContainTextAsync($"\"voidedSeconds\":{underPass}");
        await Expect(page.Locator("#timeline tr[data-kind='face_review']")).ToContainTextAsync("审核员 王");
        await Expect(page.Locator("#anomalies tr[data-anomaly='face_review_rejected']")).ToHaveCountAsync(1, Soon);
        await Expect(page.Locator("#student-facts")).ToContainTextAsync($"{before - underPass} s");
        await ChromiumBrowser.ScreenshotAsync(page, "11-review-on-timeline");
    }

    /// <summary>A card names its learner and class in words; their codes are the links' hover text.</summary>
    private static ILocator Card(IPage page, Learner learner) =>
        page.Locator("article.review")
            .Filter(new() { Has = page.Locator($"a[data-code='{learner.StudentUserCode}'][title='{learner.StudentUserCode}']") })
            .Filter(new() { Has = page.Locator($"a[data-code='{learner.ClassCode}'][title='{learner.ClassCode}']") });

    /// <summary>Both photos of every card are loaded and shown (a picture the front refused would stay empty).</summary>
    private static Task WaitForPhotosAsync(IPage page) =>
        page.WaitForFunctionAsync("() => [...document.querySelectorAll('article.review img')].every(i => i.complete && i.naturalWidth > 0)");

    private async Task<Learner> LearnerAsync(SupervisionCluster system)
    {
        var learner = await Learner.EnrolAsync(system, FaceEveryFiveMinutes, 3600);
        await learner.SetPhotoAsync(photos.Publish(FacePhotos.Registered));
        EnvelopeAssert.Code("0", await learner.StartAsync());
        await learner.PlayMinutesAsync(5);
        return learner;
    }
}
