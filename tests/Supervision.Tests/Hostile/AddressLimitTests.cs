using System.Net;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Hostile;

/// <summary>A system of its own, with a login limit low enough to reach.</summary>
public sealed class AddressLimitTests : IAsyncLifetime
{
    private readonly SupervisionCluster system = new() { Silos = 1, FrontSettings = new() { ["Supervision:Front:LoginsPerMinutePerAddress"] = "3" } };

    public Task InitializeAsync() => system.InitializeAsync();

    public Task DisposeAsync() => system.DisposeAsync();

    [Fact]
    public async Task Logins_past_the_per_address_limit_answer_429_with_the_envelope()
    {
        var body = new { headers = new { }, data = new { studyPlatformAcount = "nobody", passWord = "whatever" } };
        var statuses = new List<HttpStatusCode>();
        string? last = null;
        for (var i = 0; i < 5; i++)
        {
            using var response = await system.Http.PostAsync("/api/v1/thlogin", System.Net.Http.Json.JsonContent.Create(body));
            statuses.Add(response.StatusCode);
            last = await response.Content.ReadAsStringAsync();
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("\"returnCode\":\"1107\"", last);
        using var health = await system.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
