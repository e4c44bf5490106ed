using Supervision.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Supervision.Tests.Front;

/// <summary>The API reference in a real browser under its Content-Security-Policy: it still renders, and asks no other site for anything.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ApiReferenceBrowserTests(SupervisionCluster system, ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    [Fact]
    public async Task An_integrator_reads_the_reference_with_every_script_allowed_and_no_request_leaving_the_front()
    {
        var page = await chromium.OpenAsync(system);
        var front = system.Http.BaseAddress!.GetLeftPart(UriPartial.Authority);
        var elsewhere = new List<string>();
        var refused = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(front, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                elsewhere.Add(request.Url);
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                refused.Add(message.Text);
            }
        };

        await page.GotoAsync("/scalar/");

        await Expect(page.GetByText("thlogin").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(page.GetByText("Supervision platform API").First).ToBeVisibleAsync();
        await ChromiumBrowser.ScreenshotAsync(page, "api-reference");
        Assert.Empty(elsewhere);
        Assert.Empty(refused);
    }
}
