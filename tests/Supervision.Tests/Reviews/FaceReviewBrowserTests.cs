using Microsoft.Playwright;
using Supervision.TestFaces;
using Supervision.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Supervision.Tests.Reviews;

/// <summary>The review queue in Chromium: both photos side by side, a decision clicked and confirmed, its effect on 2.5 and the timeline.</summary>
public sealed class FaceReviewBrowserTests(ReviewSystem review, PhotoServer photos, ChromiumBrowser chromium)
    : IClassFixture<ReviewSystem>, IClassFixture<PhotoServer>, IClassFixture<ChromiumBrowser>
{
    private static readonly LocatorAssertionsToHaveCountOptions Soon = new() { Timeout = 10_000 };

    [Fact]
    public async Task A_reviewer_sees_both_photos_rejects_the_check_and_the_voided_credit_shows_in_2_5_and_on_the_timeline()
    {
        var system = review.System;
        var learner = await Learner.EnrolAsync(system, new { videoOnHook = 2, faceTimeLimit = 1, videoOnHookDetail = new { triggerType = 1, triggervValue = 5 } }, 3600);
        await learner.SetPhotoAsync(photos.Publish(FacePhotos.Registered));
        EnvelopeAssert.Code("0", await learner.StartAsync());
        await learner.PlayMinutesAsync(5);
        var bizCode = await learner.GetFaceCheckAsync();
        Assert.Equal(1, (int)(await learner.SubmitFaceAsync(bizCode, FacePhotos.LiveCapture(1)))["returnData"]!["result"]!);
        var underPass = (await learner.PlayMinutesAsync(2, 300)).Sum(Learner.Credited);
        var before = await learner.StudyRecordAsync();

        var page = await chromium.LogInAsync(system, "审核员 王");
        await page.GotoAsync("/console/#/face-reviews");
        var card = page.Locator($"article.review:has(a:text-is('{learner.StudentUserCode} ({learner.ClassCode})'))");
        await Expect(card).ToHaveCountAsync(1, Soon);
        await page.WaitForFunctionAsync(
            "code => [...document.querySelectorAll('article.review')].filter(a => a.textContent.includes(code)).flatMap(a => [...a.querySelectorAll('img')]).every(i => i.complete && i.naturalWidth > 0)",
            learner.StudentUserCode);
        await Expect(card.Locator("img")).ToHaveCountAsync(2);
        await ChromiumBrowser.ScreenshotAsync(page, "10-face-review");

        await card.Locator("button[data-decision='not_the_same_person']").ClickAsync();
        await Expect(card).ToHaveCountAsync(0, Soon);

        Assert.Equal(before - underPass, await learner.StudyRecordAsync());
        await page.GotoAsync($"/console/#/classes/{learner.ClassCode}/students/{learner.StudentUserCode}");
        await Expect(page.Locator("#timeline tr[data-kind='credit_voided']")).ToHaveCountAsync(1, Soon);
        await Expect(page.Locator("#timeline tr[data-kind='credit_voided']")).ToContainTextAsync($"\"voidedSeconds\":{underPass}");
        await Expect(page.Locator("#timeline tr[data-kind='face_review']")).ToContainTextAsync("审核员 王");
        await Expect(page.Locator("#anomalies tr[data-anomaly='face_review_rejected']")).ToHaveCountAsync(1, Soon);
        await Expect(page.Locator("#student-facts")).ToContainTextAsync($"{before - underPass} s");
        await ChromiumBrowser.ScreenshotAsync(page, "11-review-on-timeline");
    }
}
