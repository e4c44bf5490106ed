using System.Net;
using System.Text.Json.Nodes;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Hostile;

/// <summary>
/// The operator API as a stranger probes it: a system of its own whose front believes X-Forwarded-For from loopback,
/// so each test knocks from addresses of its own, with a wrong-key limit low enough to reach. The shared key is kept on
/// by configuration (SUPERVISION_KEEP_ADMIN_KEY), as automation that cannot log in keeps it, so the right key is an administrator.
/// </summary>
public sealed class OperatorKeyTests : IAsyncLifetime
{
    private const string IdNumber = "11010519491231002X";
    private const int WrongKeysPerMinute = 3;

    private readonly SupervisionCluster system = new()
    {
        Silos = 1,
        FrontSettings = new()
        {
            ["Supervision:Front:WrongAdminKeysPerMinutePerAddress"] = WrongKeysPerMinute.ToString(),
            ["SUPERVISION_TRUSTED_PROXIES"] = "127.0.0.1",
            ["Supervision:Front:KeepAdminKey"] = "true",
        },
    };

    public Task InitializeAsync() => system.InitializeAsync();

    public Task DisposeAsync() => system.DisposeAsync();

    [Fact]
    public async Task Junk_in_a_query_is_refused_before_it_is_read_and_never_reaches_a_log()
    {
        var junk = Uri.EscapeDataString($"2026-03-01\n{IdNumber}");
        var logged = system.Logs.Lines.Count;

        var (strangerStatus, stranger) = await GetAsync($"/admin/anomalies?since={junk}", key: null, from: "203.0.113.10");
        var (operatorStatus, @operator) = await GetAsync($"/admin/anomalies?since={junk}", SupervisionCluster.AdminKey, from: "203.0.113.10");
        var (limitStatus, limit) = await GetAsync($"/admin/classes?limit={junk}", SupervisionCluster.AdminKey, from: "203.0.113.10");

        Assert.Equal(HttpStatusCode.Unauthorized, strangerStatus);
        EnvelopeAssert.Code("1120", stranger);
        Assert.Equal(HttpStatusCode.OK, operatorStatus);
        EnvelopeAssert.Code("1003", @operator);
        EnvelopeAssert.Names("since", @operator);
        Assert.Equal(HttpStatusCode.OK, limitStatus);
        EnvelopeAssert.Code("1003", limit);
        EnvelopeAssert.Names("limit", limit);
        Assert.DoesNotContain(IdNumber, @operator.ToJsonString() + limit.ToJsonString());

        var lines = system.Logs.Lines.Skip(logged).ToList();
        Assert.DoesNotContain(lines, line => line.StartsWith("Error") || line.StartsWith("Critical"));
        Assert.DoesNotContain(lines, line => line.Contains(IdNumber));

        // The capture is wired to the front: its start-up lines are there.
        Assert.Contains(system.Logs.Lines, line => line.Contains("Microsoft.Hosting.Lifetime"));
    }

    [Fact]
    public async Task Repeated_wrong_keys_from_one_address_are_refused_even_when_it_then_sends_the_right_one()
    {
        // The bucket refills evenly, one key every 20 s here: these guesses take well under a second, so not one
        // more is let through. Each guess beyond the allowance is refused, not just the first.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < (2 * WrongKeysPerMinute) + 1; i++)
        {
            statuses.Add((await GetAsync("/admin/activity", $"guess-{i}-0123456789abcdefghij", from: "203.0.113.20")).Status);
        }

        var (rightKeyStatus, rightKey) = await GetAsync("/admin/activity", SupervisionCluster.AdminKey, from: "203.0.113.20");
        var (elsewhereStatus, elsewhere) = await GetAsync("/admin/activity", SupervisionCluster.AdminKey, from: "203.0.113.21");

        Assert.All(statuses[..WrongKeysPerMinute], status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.All(statuses[WrongKeysPerMinute..], status => Assert.Equal(HttpStatusCode.TooManyRequests, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, rightKeyStatus);
        EnvelopeAssert.Code("1107", rightKey);
        Assert.Equal(HttpStatusCode.OK, elsewhereStatus);
        EnvelopeAssert.Code("0", elsewhere);
    }

    [Fact]
    public async Task A_missing_key_guesses_nothing_and_is_not_counted()
    {
        for (var i = 0; i < WrongKeysPerMinute * 2; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("/admin/activity", key: null, from: "203.0.113.30")).Status);
        }

        var (status, answer) = await GetAsync("/admin/activity", SupervisionCluster.AdminKey, from: "203.0.113.30");
        Assert.Equal(HttpStatusCode.OK, status);
        EnvelopeAssert.Code("0", answer);
    }

    private async Task<(HttpStatusCode Status, JsonObject Answer)> GetAsync(string path, string? key, string from)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Forwarded-For", from);
        if (key is not null)
        {
            request.Headers.Add("X-Admin-Key", key);
        }

        using var response = await system.Http.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }
}
