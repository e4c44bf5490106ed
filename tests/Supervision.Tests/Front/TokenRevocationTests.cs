using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Front;

/// <summary>
/// The operator re-registers a platform (a new password, say, because the old one leaked): its earlier tokens are
/// refused on the very next request, on every front, with no time allowed for fronts to catch up.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class TokenRevocationTests(SupervisionCluster system)
{
    [Fact]
    public async Task A_token_issued_before_a_password_change_is_refused_on_the_next_request_on_every_front()
    {
        var second = await system.StartFrontAsync();
        try
        {
            using var secondHttp = new HttpClient { BaseAddress = new Uri(second.Address()) };
            var (code, oldToken) = await BusinessPlatformAsync();
            EnvelopeAssert.Code("1201", await QueryAsync(system.Http, oldToken));
            EnvelopeAssert.Code("1201", await QueryAsync(secondHttp, oldToken));

            await ReRegisterAsync(code, "a leaked password replaced");

            var refused = await QueryAsync(system.Http, oldToken);
            EnvelopeAssert.Code("1110", refused);
            EnvelopeAssert.Names("userToken", refused);
            EnvelopeAssert.Code("1110", await QueryAsync(secondHttp, oldToken));
            var newToken = await Platforms.LogInAsync(system, code + "-account", "a leaked password replaced");
            EnvelopeAssert.Code("1201", await QueryAsync(system.Http, newToken));
            EnvelopeAssert.Code("1201", await QueryAsync(secondHttp, newToken));
            EnvelopeAssert.Code("1110", await QueryAsync(secondHttp, oldToken));
        }
        finally
        {
            await second.StopAsync();
            await second.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_token_issued_after_the_change_is_taken_at_once_and_the_old_one_refused()
    {
        var (code, oldToken) = await BusinessPlatformAsync();
        EnvelopeAssert.Code("1201", await QueryAsync(system.Http, oldToken));

        await ReRegisterAsync(code, "another password");
        var newToken = await Platforms.LogInAsync(system, code + "-account", "another password");

        EnvelopeAssert.Code("1201", await QueryAsync(system.Http, newToken));
        EnvelopeAssert.Code("1110", await QueryAsync(system.Http, oldToken));
    }

    [Fact]
    public async Task A_platform_left_alone_keeps_its_token_for_its_whole_life()
    {
        var (_, token) = await BusinessPlatformAsync();
        for (var i = 0; i < 3; i++)
        {
            EnvelopeAssert.Code("1201", await QueryAsync(system.Http, token));
            system.Clock.Advance(TimeSpan.FromMinutes(30));
        }

        EnvelopeAssert.Code("1201", await QueryAsync(system.Http, token));
    }

    private async Task<(string Code, string Token)> BusinessPlatformAsync()
    {
        var code = TestIds.Code("bp");
        await Platforms.RegisterAsync(system, code, "business", null);
        return (code, await Platforms.LogInAsync(system, code + "-account"));
    }

    private async Task ReRegisterAsync(string code, string password) =>
        EnvelopeAssert.Code("0", await system.AdminAsync(HttpMethod.Post, "/admin/platforms",
            new { code, name = $"Platform {code}", role = "business", account = code + "-account", password }));

    private async Task<System.Text.Json.Nodes.JsonObject> QueryAsync(HttpClient http, string token)
    {
        var envelope = new { headers = new { deviceType = "TYPE_PC", userToken = token }, data = new { classCode = TestIds.Code() } };
        using var response = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(http, "/api/class/v1/classStudentStudy", envelope);
        return await SupervisionCluster.ReadEnvelopeAsync(response);
    }
}
