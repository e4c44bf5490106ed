using System.Net;
using System.Net.Http.Json;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Front;

/// <summary>A system of its own whose front trusts a proxy on loopback, with a login limit low enough to reach.</summary>
public sealed class TrustedProxyTests : IAsyncLifetime
{
    private readonly SupervisionCluster system = new()
    {
        Silos = 1,
        FrontSettings = new()
        {
            ["Supervision:Front:LoginsPerMinutePerAddress"] = "2",
            ["SUPERVISION_TRUSTED_PROXIES"] = "127.0.0.1",
        },
    };

    public Task InitializeAsync() => system.InitializeAsync();

    public Task DisposeAsync() => system.DisposeAsync();

    [Fact]
    public async Task Behind_a_trusted_proxy_each_forwarded_caller_has_a_limit_of_its_own()
    {
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], await LoginsAsync("203.0.113.7", 3));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], await LoginsAsync("203.0.113.8", 2));
    }

    private async Task<List<HttpStatusCode>> LoginsAsync(string forwardedFor, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/thlogin")
            {
                Content = JsonContent.Create(new { headers = new { }, data = new { studyPlatformAcount = "nobody", passWord = "whatever" } }),
            };
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            using var response = await system.Http.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }
}
