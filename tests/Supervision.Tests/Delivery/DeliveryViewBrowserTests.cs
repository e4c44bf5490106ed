using Microsoft.Playwright;
using Supervision.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Supervision.Tests.Delivery;

/// <summary>
/// The deliveries page opens on what is failing, retrying and dead alike, so a push still being retried is seen before
/// it dies; its status filter is links a person clicks, not addresses printed as text.
/// </summary>
[Collection(DeliveryCollection.Name)]
public sealed class DeliveryViewBrowserTests(DeliverySystem delivery)
{
    [Fact]
    public async Task A_retrying_push_is_on_the_first_view_and_the_filter_is_links()
    {
        await using var fake = await FakeLearningPlatform.StartAsync();
        var (_, classCode) = await delivery.RegisterOneStudentClassAsync(fake);
        fake.Behaviour = FakeLearningPlatform.Mode.ReturnCode1;
        EnvelopeAssert.Code("0", await delivery.System.AdminAsync(HttpMethod.Post, $"/admin/classes/{classCode}/approve"));
        var retrying = await delivery.WaitForAsync(DeliverySystem.PushOf(classCode), "retrying", advanceClock: false);
        await using var chromium = new ChromiumBrowser();
        await chromium.InitializeAsync();

        var page = await chromium.LogInAsync(delivery.System, "运维 李");
        await page.ClickAsync("nav a[href='#/deliveries']");
        var row = page.Locator($"#deliveries tr[data-delivery='{(long)retrying["id"]!}']");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("重试中 retrying");
        await Expect(row).ToContainTextAsync("班级推送 (1.12)");

        var filter = page.Locator("#delivery-filter");
        await Expect(filter.Locator("a")).ToHaveCountAsync(4);
        Assert.DoesNotContain("http", await filter.InnerTextAsync());
        await ChromiumBrowser.ScreenshotAsync(page, "deliveries");

        await filter.GetByRole(AriaRole.Link, new() { Name = "已送达 delivered" }).ClickAsync();
        await Expect(page.Locator("#delivery-filter strong[data-status='delivered']")).ToBeVisibleAsync();
        await Expect(row).ToHaveCountAsync(0);
    }
}
