using System.Net;
using Supervision.Contracts.Platforms;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Front;

[Collection(ClusterCollection.Name)]
public sealed class AdminTests(SupervisionCluster system)
{
    [Theory]
    [InlineData(null, "1120")]
    [InlineData("wrong-key", "1109")]
    public async Task Without_a_session_or_with_a_wrong_key_the_operator_api_changes_nothing(string? key, string refusal)
    {
        var code = TestIds.Code("lp");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/platforms")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { code, name = "x", role = "learning", account = code, password = "long enough", apiBaseUrl = "http://x.example.test" }),
        };
        if (key is not null)
        {
            request.Headers.Add("X-Admin-Key", key);
        }

        using var response = await system.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains($"\"returnCode\":\"{refusal}\"", await response.Content.ReadAsStringAsync());
        Assert.Null(await system.Grains.GetGrain<IPlatformGrain>(code).Describe());
    }

    [Fact]
    public async Task A_learning_platform_needs_an_api_base_url()
    {
        var answer = await system.AdminAsync(HttpMethod.Post, "/admin/platforms", new { code = TestIds.Code("lp"), name = "x", role = "learning", account = TestIds.Code(), password = "long enough" });
        EnvelopeAssert.Code("1003", answer);
        EnvelopeAssert.Names("apiBaseUrl", answer);
    }

    [Fact]
    public async Task Two_platforms_cannot_share_an_account_or_an_api_url()
    {
        var first = TestIds.Code("lp");
        await Platforms.RegisterAsync(system, first, "learning", $"http://{first}.example.test/api");

        var sameAccount = await system.AdminAsync(HttpMethod.Post, "/admin/platforms",
            new { code = TestIds.Code("lp"), name = "x", role = "learning", account = first + "-account", password = "long enough", apiBaseUrl = "http://elsewhere.example.test" });
        var sameUrl = await system.AdminAsync(HttpMethod.Post, "/admin/platforms",
            new { code = TestIds.Code("lp"), name = "x", role = "learning", account = TestIds.Code(), password = "long enough", apiBaseUrl = $"HTTP://{first}.example.test/api/" });

        EnvelopeAssert.Code("1208", sameAccount);
        EnvelopeAssert.Code("1208", sameUrl);
    }

    [Fact]
    public async Task Re_registering_a_platform_changes_its_password()
    {
        var code = TestIds.Code("bp");
        await Platforms.RegisterAsync(system, code, "business", null);
        await system.AdminAsync(HttpMethod.Post, "/admin/platforms", new { code, name = "renamed", role = "business", account = code + "-account", password = "a new password" });

        var old = await system.PostEnvelopeAsync("/api/v1/thlogin", new { studyPlatformAcount = code + "-account", passWord = "correct horse battery" });
        var renewed = await system.PostEnvelopeAsync("/api/v1/thlogin", new { studyPlatformAcount = code + "-account", passWord = "a new password" });

        EnvelopeAssert.Code("1106", old);
        EnvelopeAssert.Code("0", renewed);
        Assert.Equal("renamed", (string?)renewed["returnData"]!["studyPlatformName"]);
    }
}
