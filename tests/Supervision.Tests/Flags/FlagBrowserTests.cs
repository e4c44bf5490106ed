using Microsoft.Playwright;
using Supervision.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Supervision.Tests.Flags;

/// <summary>A bot flag in the console: shown under review with the credit kept, voided with a confirmed click, and the void on 2.5 and the timeline.</summary>
[Collection(ClusterCollection.Name)]
public sealed class FlagBrowserTests(SupervisionCluster system, ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    private static readonly object CodeEveryMinute = new { videoOnHook = 1, faceTimeLimit = 1, videoOnHookDetail = new { triggerType = 1, triggervValue = 1 } };
    private static readonly LocatorAssertionsToHaveCountOptions Soon = new() { Timeout = 10_000 };

    [Fact]
    public async Task An_operator_sees_a_bot_flag_under_review_voids_it_and_the_void_shows_on_the_timeline_and_in_2_5()
    {
        var learner = await Learner.EnrolAsync(system, CodeEveryMinute, firstVideoSeconds: 3600);
        await learner.StartAsync();
        for (var minute = 0; minute < 3; minute++)
        {
            await learner.PlayMinutesAsync(1, minute * 60);
            system.Clock.Advance(TimeSpan.FromSeconds(1));
            var (bizCode, code) = await learner.GetCodeAsync();
            system.Clock.Advance(TimeSpan.FromMilliseconds(300));
            EnvelopeAssert.Code("0", await learner.SubmitCodeAsync(bizCode, code));
        }

        await learner.PlayMinutesAsync(1, 180);
        Assert.Equal(240, await learner.StudyRecordAsync());

        var page = await chromium.LogInAsync(system, "审核员 赵", "reviewer");
        await page.GotoAsync($"/console/#/classes/{learner.ClassCode}/students/{learner.StudentUserCode}");
        var flag = page.Locator("#anomalies tr[data-anomaly='check_answer_bot']");
        await Expect(flag.Locator(".flag-review[data-review='under_review']")).ToHaveCountAsync(1, Soon);
        await Expect(flag).ToContainTextAsync("credit kept");
        await ChromiumBrowser.ScreenshotAsync(page, "14-bot-flag-under-review");

        await flag.Locator("button[data-flag-decision='void']").ClickAsync();

        await Expect(page.Locator("#anomalies .flag-review[data-review='void']")).ToHaveCountAsync(1, Soon);
        await Expect(page.Locator("#timeline tr[data-kind='flag_decision']")).ToContainTextAsync("审核员 赵");
        await Expect(page.Locator("#timeline tr[data-kind='credit_voided']")).ToContainTextAsync("\"voidedSeconds\":180");
        Assert.Equal(60, await learner.StudyRecordAsync());
    }
}
