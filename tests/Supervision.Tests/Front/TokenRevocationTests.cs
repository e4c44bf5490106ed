using Microsoft.Extensions.DependencyInjection;
using Supervision.Tests.Infrastructure;
using Supervision.WebFront;

namespace Supervision.Tests.Front;

/// <summary>The operator re-registers a platform (a new password, say, because the old one leaked): its earlier tokens stop working.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TokenRevocationTests(SupervisionCluster system)
{
    private TimeSpan Bound => system.FrontServices.GetRequiredService<FrontOptions>().TokenRevocationDelay;

    [Fact]
    public async Task A_token_issued_before_a_password_change_is_refused_within_the_documented_bound()
    {
        var (code, oldToken) = await BusinessPlatformAsync();
        EnvelopeAssert.Code("1201", await QueryAsync(oldToken));

        await ReRegisterAsync(code, "a leaked password replaced");
        system.Clock.Advance(Bound);

        var refused = await QueryAsync(oldToken);
        EnvelopeAssert.Code("1110", refused);
        EnvelopeAssert.Names("userToken", refused);
        var newToken = await Platforms.LogInAsync(system, code + "-account", "a leaked password replaced");
        EnvelopeAssert.Code("1201", await QueryAsync(newToken));
        EnvelopeAssert.Code("1110", await QueryAsync(oldToken));
    }

    [Fact]
    public async Task A_token_issued_after_the_change_is_taken_at_once_and_revokes_the_old_one_on_this_front()
    {
        var (code, oldToken) = await BusinessPlatformAsync();
        EnvelopeAssert.Code("1201", await QueryAsync(oldToken));

        await ReRegisterAsync(code, "another password");
        var newToken = await Platforms.LogInAsync(system, code + "-account", "another password");

        EnvelopeAssert.Code("1201", await QueryAsync(newToken));
        EnvelopeAssert.Code("1110", await QueryAsync(oldToken));
    }

    [Fact]
    public async Task A_platform_left_alone_keeps_its_token_past_the_bound()
    {
        var (_, token) = await BusinessPlatformAsync();
        for (var i = 0; i < 3; i++)
        {
            EnvelopeAssert.Code("1201", await QueryAsync(token));
            system.Clock.Advance(Bound);
        }

        EnvelopeAssert.Code("1201", await QueryAsync(token));
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

    private Task<System.Text.Json.Nodes.JsonObject> QueryAsync(string token) =>
        system.PostEnvelopeAsync("/api/class/v1/classStudentStudy", new { classCode = TestIds.Code() }, token);
}
