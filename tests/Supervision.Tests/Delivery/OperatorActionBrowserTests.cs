using Microsoft.Playwright;
using Supervision.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Supervision.Tests.Delivery;

/// <summary>
/// Approving a class and retrying its dead push from the console, each confirmed, delivered for real to a fake
/// learning platform, and recorded on the class with the operator's name.
/// </summary>
[Collection(DeliveryCollection.Name)]
public sealed class OperatorActionBrowserTests(DeliverySystem delivery) : IClassFixture<ChromiumBrowser>
{
    private static readonly LocatorAssertionsToHaveCountOptions Soon = new() { Timeout = 15_000 };

    [Fact]
    public async Task An_operator_approves_a_class_retries_its_dead_push_and_both_are_recorded_with_their_name()
    {
        await using var fake = await FakeLearningPlatform.StartAsync();
        var (_, classCode) = await delivery.RegisterOneStudentClassAsync(fake);
        fake.Behaviour = FakeLearningPlatform.Mode.ReturnCode1;
        await using var chromium = new ChromiumBrowser();
        await chromium.InitializeAsync();

        var page = await chromium.LogInAsync(delivery.System, "运维 李");
        await page.GotoAsync($"/console/#/classes/{classCode}");
        await Expect(page.Locator("#approve")).ToHaveTextAsync("批准 Approve");
        await page.ClickAsync("#approve");
        await Expect(page.Locator("#approve")).ToHaveTextAsync("重新批准 Re-approve", new() { Timeout = 10_000 });
        var dead = await delivery.WaitForAsync(DeliverySystem.PushOf(classCode), "dead");

        fake.Behaviour = FakeLearningPlatform.Mode.Healthy;
        await page.GotoAsync("/console/#/deliveries?status=dead");
        var row = page.Locator($"#deliveries tr[data-delivery='{(long)dead["id"]!}']");
        await Expect(row).ToHaveCountAsync(1, Soon);
        await ChromiumBrowser.ScreenshotAsync(page, "12-deliveries");
        await row.Locator("button.retry").ClickAsync();
        await Expect(row).ToHaveCountAsync(0, Soon);
        await delivery.WaitForAsync(DeliverySystem.PushOf(classCode), "delivered");
        Assert.Single(fake.AcceptedPushes);

        await page.GotoAsync($"/console/#/classes/{classCode}");
        var actions = page.Locator("#operator-actions tbody tr");
        await Expect(actions).ToHaveCountAsync(2, Soon);
        await Expect(page.Locator("#operator-actions tr[data-action='class_approval']")).ToContainTextAsync("运维 李");
        await Expect(page.Locator("#operator-actions tr[data-action='delivery_retry']")).ToContainTextAsync("运维 李");
        await ChromiumBrowser.ScreenshotAsync(page, "13-operator-actions");
    }
}
