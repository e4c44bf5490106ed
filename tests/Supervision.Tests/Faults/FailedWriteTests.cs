using System.Net;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Faults;

/// <summary>
/// A change whose write to the database failed was answered 5001, so it must not live on in the grain's memory:
/// the next request sees the stored state, not the change that was never committed.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FailedWriteTests(SupervisionCluster system)
{
    [Fact]
    public async Task A_registration_refused_by_the_database_leaves_the_stored_platform_as_it_was()
    {
        var code = TestIds.Code("bp");
        await Platforms.RegisterAsync(system, code, "business", null);

        await using (await InjectedFault.RefuseAsync(system.ConnectionString, "fail_state_" + code, "grain_state", $"NEW.key = '{code}'"))
        {
            using var refused = await RenameAsync(code, "never stored");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        }

        var platforms = await system.AdminAsync(HttpMethod.Get, "/admin/platforms");
        var stored = platforms["returnData"]!.AsArray().Single(p => (string?)p!["code"] == code)!;
        Assert.Equal($"Platform {code}", (string?)stored["name"]);

        using var accepted = await RenameAsync(code, "renamed");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    private async Task<HttpResponseMessage> RenameAsync(string code, string name)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/admin/platforms")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { code, name, role = "business", account = code + "-account", password = "correct horse battery" }),
        };
        await system.AuthorizeAsync(request);
        return await system.Http.SendAsync(request);
    }
}
