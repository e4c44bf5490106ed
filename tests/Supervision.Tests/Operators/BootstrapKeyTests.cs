using System.Net;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Operators;

/// <summary>
/// The shared admin key on a fresh install, as an operator meets it: it only creates the first administrator, then it is
/// retired with its own code; the last administrator can be neither demoted nor disabled.
/// </summary>
public sealed class BootstrapKeyTests : IAsyncLifetime
{
    private readonly SupervisionCluster system = new() { Silos = 1, Bootstrap = false };

    public Task InitializeAsync() => system.InitializeAsync();

    public Task DisposeAsync() => system.DisposeAsync();

    [Fact]
    public async Task The_key_creates_the_first_administrator_and_nothing_else_then_is_refused()
    {
        var key = SupervisionCluster.AdminKey;
        var (readStatus, read) = await OperatorDesk.CallAsync(system, HttpMethod.Get, "/admin/classes", token: null, key: key);
        var (policyStatus, policy) = await OperatorDesk.CallAsync(system, HttpMethod.Put, "/admin/classes/c1/policy", token: null, new { studyHourLimit = 1 }, key);
        var (firstStatus, first) = await OperatorDesk.CallAsync(system, HttpMethod.Post, "/admin/operators", token: null,
            new { account = "首席 管理员", role = "administrator", password = SupervisionCluster.OperatorPassword }, key);
        var (secondStatus, second) = await OperatorDesk.CallAsync(system, HttpMethod.Post, "/admin/operators", token: null,
            new { account = "another", role = "administrator", password = SupervisionCluster.OperatorPassword }, key);
        var (afterStatus, after) = await OperatorDesk.CallAsync(system, HttpMethod.Get, "/admin/classes", token: null, key: key);

        Assert.Equal(HttpStatusCode.Forbidden, readStatus);
        EnvelopeAssert.Code("1122", read);
        Assert.Equal(HttpStatusCode.Forbidden, policyStatus);
        EnvelopeAssert.Code("1122", policy);
        Assert.Equal(HttpStatusCode.OK, firstStatus);
        EnvelopeAssert.Code("0", first);
        Assert.Equal(HttpStatusCode.Unauthorized, secondStatus);
        EnvelopeAssert.Code("1122", second);
        Assert.Equal(HttpStatusCode.Unauthorized, afterStatus);
        EnvelopeAssert.Code("1122", after);

        var accounts = (await system.AdminAsync(HttpMethod.Get, "/admin/operators", account: "首席 管理员"))["returnData"]!.AsArray();
        var made = Assert.Single(accounts)!;
        Assert.Equal(("首席 管理员", "administrator", "admin-key"), ((string?)made["account"], (string?)made["role"], (string?)made["createdBy"]));
        var evidence = Assert.Single(await OperatorDesk.ActionsAsync(system, "admin-key", reader: "首席 管理员"));
        Assert.Equal("operator_account", (string?)evidence["kind"]);
    }

    [Fact]
    public async Task The_last_administrator_can_be_neither_demoted_nor_disabled()
    {
        await OperatorDesk.CallAsync(system, HttpMethod.Post, "/admin/operators", token: null,
            new { account = "only-admin", role = "administrator", password = SupervisionCluster.OperatorPassword }, SupervisionCluster.AdminKey);

        var demoted = await system.AdminAsync(HttpMethod.Put, "/admin/operators/only-admin", new { role = "viewer" }, account: "only-admin");
        var disabled = await system.AdminAsync(HttpMethod.Put, "/admin/operators/only-admin", new { disabled = true }, account: "only-admin");
        var me = await system.AdminAsync(HttpMethod.Get, "/admin/me", account: "only-admin");

        EnvelopeAssert.Code("1208", demoted);
        EnvelopeAssert.Code("1208", disabled);
        Assert.Equal("administrator", (string?)me["returnData"]!["role"]);
        Assert.Empty(await OperatorDesk.ActionsAsync(system, "only-admin", reader: "only-admin"));
    }
}
