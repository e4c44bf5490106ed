using System.Net;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Operators;

/// <summary>
/// Every operator action is evidence with who (the signed-in account, never a header), when, from where, and what it
/// changed; the action log shows them a page at a time, and never a secret in clear.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ActionLogTests(SupervisionCluster system)
{
    private const string NewPlatformPassword = "a replaced platform password";
    private const string OutboundToken = "their-token-for-us-0123";

    [Fact]
    public async Task Policy_platform_registration_pull_and_account_changes_are_logged_with_before_and_after_and_no_secret()
    {
        var admin = TestIds.Code("admin");
        await system.SignInAsync(admin, "administrator");
        var learner = await Learner.EnrolAsync(system);
        var code = TestIds.Code("lp");
        var url = $"http://{code}.example.test/api";
        var colleague = TestIds.Code("op");

        EnvelopeAssert.Code("0", await AsAsync(admin, HttpMethod.Put, $"/admin/classes/{learner.ClassCode}/policy", new { studyHourLimit = 6 }));
        EnvelopeAssert.Code("0", await AsAsync(admin, HttpMethod.Post, "/admin/platforms",
            new { code, name = "first", role = "learning", account = code, password = "the first platform password", apiBaseUrl = url }));
        EnvelopeAssert.Code("0", await AsAsync(admin, HttpMethod.Post, "/admin/platforms",
            new { code, name = "renamed", role = "learning", account = code, password = NewPlatformPassword, apiBaseUrl = url, outboundToken = OutboundToken }));
        EnvelopeAssert.Code("0", await AsAsync(admin, HttpMethod.Post, $"/admin/platforms/{code}/pull"));
        EnvelopeAssert.Code("0", await AsAsync(admin, HttpMethod.Post, "/admin/operators", new { account = colleague, role = "viewer", password = SupervisionCluster.OperatorPassword }));
        EnvelopeAssert.Code("0", await AsAsync(admin, HttpMethod.Put, $"/admin/operators/{colleague}", new { role = "reviewer", password = "a new colleague password" }));

        var log = await OperatorDesk.ActionsAsync(system, admin);
        var text = string.Join("\n", log.Select(a => a.ToJsonString()));

        Assert.Equal(["operator_account", "operator_account", "catalogue_pull", "platform_registration", "platform_registration", "class_policy"],
            log.Select(a => (string?)a["kind"]));
        Assert.All(log, a => Assert.Equal(admin, (string?)a["operator"]));
        Assert.All(log, a => Assert.Equal("127.0.0.1", (string?)a["address"]));

        var policy = OperatorDesk.Details(log[5]);
        Assert.Equal(learner.ClassCode, (string?)log[5]["classCode"]);
        Assert.Equal(6, (int)policy["policy"]!["studyHourLimit"]!);
        Assert.NotEqual(6, (int?)policy["previous"]!["studyHourLimit"]);

        var register = OperatorDesk.Details(log[4]);
        var reregister = OperatorDesk.Details(log[3]);
        Assert.Equal(("register", "set", "none"), ((string?)register["action"], (string?)register["password"], (string?)register["outboundToken"]));
        Assert.Null(register["before"]);
        Assert.Equal(("reregister", "changed", "set"), ((string?)reregister["action"], (string?)reregister["password"], (string?)reregister["outboundToken"]));
        Assert.Equal(("first", "renamed"), ((string?)reregister["before"]!["name"], (string?)reregister["after"]!["name"]));
        Assert.Equal(code, (string?)log[3]["platformCode"]);

        var pull = OperatorDesk.Details(log[2]);
        Assert.Equal(code, (string?)pull["platformCode"]);
        Assert.True((long)pull["deliveryId"]! > 0);

        var created = OperatorDesk.Details(log[1]);
        var changed = OperatorDesk.Details(log[0]);
        Assert.Equal(("create", colleague, "viewer", "set"), ((string?)created["action"], (string?)created["account"], (string?)created["after"]!["role"], (string?)created["password"]));
        Assert.Equal(("viewer", "reviewer", "changed"), ((string?)changed["before"]!["role"], (string?)changed["after"]!["role"], (string?)changed["password"]));

        Assert.DoesNotContain(NewPlatformPassword, text);
        Assert.DoesNotContain(OutboundToken, text);
        Assert.DoesNotContain("a new colleague password", text);
        Assert.DoesNotContain("pbkdf2", text);
    }

    [Fact]
    public async Task The_operator_in_evidence_is_the_account_whatever_name_a_header_claims()
    {
        var admin = TestIds.Code("admin");
        await system.SignInAsync(admin, "administrator");
        var learner = await Learner.EnrolAsync(system);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/admin/classes/{learner.ClassCode}/approve");
        await system.AuthorizeAsync(request, admin);
        request.Headers.Add("X-Operator", "someone-else");
        using var response = await system.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var approval = Assert.Single(await OperatorDesk.ActionsAsync(system, admin, "class_approval"));
        Assert.Equal(admin, (string?)approval["operator"]);
        Assert.Equal(admin, (string?)OperatorDesk.Details(approval)["operator"]);
        Assert.Empty(await OperatorDesk.ActionsAsync(system, "someone-else"));
    }

    [Fact]
    public async Task The_log_comes_a_page_at_a_time_newest_first_with_the_total()
    {
        var admin = TestIds.Code("admin");
        await system.SignInAsync(admin, "administrator");
        var accounts = Enumerable.Range(0, 5).Select(_ => TestIds.Code("op")).ToList();
        foreach (var account in accounts)
        {
            system.Clock.Advance(TimeSpan.FromSeconds(1));
            EnvelopeAssert.Code("0", await AsAsync(admin, HttpMethod.Post, "/admin/operators", new { account, role = "viewer", password = SupervisionCluster.OperatorPassword }));
        }

        var first = (await system.AdminAsync(HttpMethod.Get, $"/admin/actions?operator={admin}&pageSize=2&page=1"))["returnData"]!;
        var third = (await system.AdminAsync(HttpMethod.Get, $"/admin/actions?operator={admin}&pageSize=2&page=3"))["returnData"]!;
        var beyond = (await system.AdminAsync(HttpMethod.Get, $"/admin/actions?operator={admin}&pageSize=2&page=4"))["returnData"]!;
        var badPage = await system.AdminAsync(HttpMethod.Get, "/admin/actions?page=first");

        Assert.Equal(5, (long)first["total"]!);
        Assert.Equal([accounts[4], accounts[3]], first["items"]!.AsArray().Select(a => (string?)OperatorDesk.Details(a!)["account"]));
        Assert.Equal([accounts[0]], third["items"]!.AsArray().Select(a => (string?)OperatorDesk.Details(a!)["account"]));
        Assert.Empty(beyond["items"]!.AsArray());
        EnvelopeAssert.Code("1003", badPage);
        EnvelopeAssert.Names("page", badPage);
    }

    private Task<System.Text.Json.Nodes.JsonObject> AsAsync(string account, HttpMethod method, string path, object? body = null) =>
        system.AdminAsync(method, path, body, account: account);
}
