using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Hostile;

/// <summary>
/// A web page on another site makes its visitors' browsers call the interface: a text/plain body needs no permission,
/// so the page could send wrong passwords until the platform's account is locked out from the visitors' addresses.
/// Each such call is refused (1006) before it is read, and the platform's own server is not held up.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CrossSiteRequestTests(SupervisionCluster system, ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    [Fact]
    public async Task A_page_on_another_site_cannot_lock_a_platform_out_through_its_visitors_browsers()
    {
        var code = TestIds.Code("lp");
        await Platforms.RegisterAsync(system, code, "learning", $"http://{code}.example.test/api");
        await using var attacker = await StartAttackerPageAsync(system.Http.BaseAddress!.GetLeftPart(UriPartial.Authority), code + "-account");
        var page = await chromium.OpenAsync(system);

        await page.GotoAsync(attacker.Address() + "/");
        await page.WaitForFunctionAsync("document.title === 'sent'");

        var token = await Platforms.LogInAsync(system, code + "-account");
        Assert.NotEmpty(token);
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "https://attacker.example")]
    [InlineData("Origin", "null")]
    public async Task A_browser_call_from_another_site_is_refused_naming_the_rule(string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/thlogin")
        {
            Content = new StringContent("""{"headers":{"deviceType":"TYPE_PC"},"data":{"studyPlatformAcount":"a","passWord":"b"}}""", System.Text.Encoding.UTF8, "text/plain"),
        };
        request.Headers.Add(header, value);

        var answer = await SupervisionCluster.ReadEnvelopeAsync(await system.Http.SendAsync(request));

        EnvelopeAssert.Code("1006", answer);
        Assert.StartsWith("Origin:", (string?)answer["returnMsg"]);
    }

    [Fact]
    public async Task A_call_from_the_fronts_own_origin_is_read()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/thlogin")
        {
            Content = new StringContent("""{"headers":{"deviceType":"TYPE_PC"},"data":{"studyPlatformAcount":"nobody-here","passWord":"b"}}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", system.Http.BaseAddress!.GetLeftPart(UriPartial.Authority));
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        EnvelopeAssert.Code("1106", await SupervisionCluster.ReadEnvelopeAsync(await system.Http.SendAsync(request)));
    }

    /// <summary>The attacker's page: eight wrong logins for the account, sent the way any page may send them, then its title says so.</summary>
    private static async Task<WebApplication> StartAttackerPageAsync(string front, string account)
    {
        var app = LoopbackServer.CreateBuilder().Build();
        var html = $$"""
            <!doctype html><html><head><title>loading</title></head><body><script>
            (async () => {
              for (let i = 0; i < 8; i++) {
                await fetch('{{front}}/api/v1/thlogin', { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' },
                  body: JSON.stringify({ headers: { deviceType: 'TYPE_PC' }, data: { studyPlatformAcount: '{{account}}', passWord: 'wrong ' + i } }) });
              }
              document.title = 'sent';
            })();
            </script></body></html>
            """;
        app.MapGet("/", () => Results.Content(html, "text/html"));
        await app.StartAsync();
        return app;
    }
}
