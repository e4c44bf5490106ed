using Microsoft.Playwright;
using Supervision.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Supervision.Tests.Intake;

/// <summary>
/// A weaker policy re-pushed after approval as the operator sees it in the console: shown beside the policy in force,
/// in words, and put in force only by the operator's click, which is recorded with their name.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PolicyProposalBrowserTests(SupervisionCluster system, ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    private static readonly LocatorAssertionsToHaveCountOptions Soon = new() { Timeout = 10_000 };

    [Fact]
    public async Task The_operator_sees_a_held_weaker_policy_and_puts_it_in_force_with_one_confirmed_click()
    {
        var learner = await Learner.EnrolAsync(system, new { realNameAuthentication = 1, studyHourLimit = 4, videoOnHook = 1 }, firstVideoSeconds: 3600);
        var weaker = ApprovalFixesPolicyTests.WithPolicy(
            learner.Platforms.ClassBody(learner.ClassCode, 3600, (learner.CardNo, learner.StudentUserCode, "张丽")), new { realNameAuthentication = 1, studyHourLimit = 8, videoOnHook = 0 });
        EnvelopeAssert.Code("0", await system.PostEnvelopeAsync("/api/class/v1/pushClassInfo", weaker, learner.Platforms.BusinessToken));

        var page = await chromium.LogInAsync(system, "监管 王");
        await page.GotoAsync($"/console/#/classes/{learner.ClassCode}");
        var proposal = page.Locator("#proposed-policy");
        await Expect(proposal).ToBeVisibleAsync();
        await Expect(proposal.Locator("h3")).ToHaveTextAsync("待决策略 Proposed policy: weaker, waiting for you");
        await Expect(proposal).ToContainTextAsync("is not in force and has not been pushed on");
        await Expect(proposal.Locator("#proposed-facts")).ToContainTextAsync("8 h");
        await Expect(page.Locator("#class-facts")).ToContainTextAsync("4 h");
        await ChromiumBrowser.ScreenshotAsync(page, "15-policy-proposal");

        await page.ClickAsync("#accept-proposal");
        await Expect(page.Locator("#proposed-policy")).ToHaveCountAsync(0, Soon);
        await Expect(page.Locator("#class-facts")).ToContainTextAsync("8 h");
        await Expect(page.Locator("#operator-actions tr[data-action='class_policy']").First).ToContainTextAsync("监管 王");
    }
}
