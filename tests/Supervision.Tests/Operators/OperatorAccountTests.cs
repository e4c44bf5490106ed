using System.Net;
using Supervision.Contracts.Platforms;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Operators;

/// <summary>Operators as they act: accounts with roles, wrong passwords, changes that end sessions, names that cannot forge a log.</summary>
[Collection(ClusterCollection.Name)]
public sealed class OperatorAccountTests(SupervisionCluster system)
{
    [Fact]
    public async Task A_viewer_reads_but_its_change_is_refused_with_its_code_and_changes_nothing()
    {
        var learner = await Learner.EnrolAsync(system);
        var viewer = await system.SignInAsync(TestIds.Code("viewer"), "viewer");
        var platform = TestIds.Code("lp");

        var (readStatus, read) = await OperatorDesk.CallAsync(system, HttpMethod.Get, $"/admin/classes/{learner.ClassCode}", viewer);
        var (policyStatus, policy) = await OperatorDesk.CallAsync(system, HttpMethod.Put, $"/admin/classes/{learner.ClassCode}/policy", viewer, new { studyHourLimit = 1 });
        var (registerStatus, register) = await OperatorDesk.CallAsync(system, HttpMethod.Post, "/admin/platforms", viewer,
            new { code = platform, name = "x", role = "business", account = platform, password = "long enough password" });

        Assert.Equal(HttpStatusCode.OK, readStatus);
        EnvelopeAssert.Code("0", read);
        Assert.Equal(HttpStatusCode.Forbidden, policyStatus);
        EnvelopeAssert.Code("1121", policy);
        Assert.Equal(HttpStatusCode.Forbidden, registerStatus);
        EnvelopeAssert.Code("1121", register);
        Assert.Equal((int?)read["returnData"]!["policy"]!["studyHourLimit"], (int?)(await system.AdminAsync(HttpMethod.Get, $"/admin/classes/{learner.ClassCode}"))["returnData"]!["policy"]!["studyHourLimit"]);
        Assert.Null(await system.Grains.GetGrain<IPlatformGrain>(platform).Describe());
    }

    [Fact]
    public async Task Wrong_passwords_lock_the_account_out_for_a_while_even_for_the_right_one_and_a_success_before_that_forgives()
    {
        var account = TestIds.Code("op");
        await system.SignInAsync(account, "reviewer");

        var wrong = new List<(HttpStatusCode Status, string? Code)>();
        for (var i = 0; i < 5; i++)
        {
            var (status, answer) = await OperatorDesk.LogInAsync(system, account, $"wrong password {i}");
            wrong.Add((status, (string?)answer["returnCode"]));
        }

        var (lockedStatus, locked) = await OperatorDesk.LogInAsync(system, account, SupervisionCluster.OperatorPassword);
        system.Clock.Advance(TimeSpan.FromMinutes(1));
        var (laterStatus, later) = await OperatorDesk.LogInAsync(system, account, SupervisionCluster.OperatorPassword);

        Assert.All(wrong, w => Assert.Equal((HttpStatusCode.Unauthorized, "1106"), w));
        Assert.Equal(HttpStatusCode.TooManyRequests, lockedStatus);
        EnvelopeAssert.Code("1107", locked);
        Assert.Null(locked["returnData"]);
        Assert.Equal(HttpStatusCode.OK, laterStatus);
        EnvelopeAssert.Code("0", later);
        Assert.Equal("reviewer", (string?)later["returnData"]!["role"]);
    }

    [Fact]
    public async Task Changing_an_account_ends_its_sessions_at_once_and_a_disabled_account_cannot_log_in()
    {
        var account = TestIds.Code("op");
        var first = await system.SignInAsync(account, "viewer");

        var promoted = await system.AdminAsync(HttpMethod.Put, $"/admin/operators/{account}", new { role = "reviewer" });
        var (afterRoleStatus, afterRole) = await OperatorDesk.CallAsync(system, HttpMethod.Get, "/admin/me", first);
        var (_, second) = await OperatorDesk.LogInAsync(system, account, SupervisionCluster.OperatorPassword);
        var disabled = await system.AdminAsync(HttpMethod.Put, $"/admin/operators/{account}", new { disabled = true });
        var (afterDisableStatus, afterDisable) = await OperatorDesk.CallAsync(system, HttpMethod.Get, "/admin/me", (string)second["returnData"]!["token"]!);
        var (loginStatus, login) = await OperatorDesk.LogInAsync(system, account, SupervisionCluster.OperatorPassword);

        EnvelopeAssert.Code("0", promoted);
        Assert.Equal("reviewer", (string?)promoted["returnData"]!["role"]);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRoleStatus);
        EnvelopeAssert.Code("1120", afterRole);
        Assert.Equal("reviewer", (string?)second["returnData"]!["role"]);
        EnvelopeAssert.Code("0", disabled);
        Assert.Equal(HttpStatusCode.Unauthorized, afterDisableStatus);
        EnvelopeAssert.Code("1120", afterDisable);
        Assert.Equal(HttpStatusCode.Unauthorized, loginStatus);
        EnvelopeAssert.Code("1106", login);
    }

    [Fact]
    public async Task A_session_expires_after_eight_hours()
    {
        var account = TestIds.Code("op");
        await system.SignInAsync(account, "viewer");
        var (_, login) = await OperatorDesk.LogInAsync(system, account, SupervisionCluster.OperatorPassword);
        var token = (string)login["returnData"]!["token"]!;

        system.Clock.Advance(TimeSpan.FromHours(8) - TimeSpan.FromSeconds(5));
        var (beforeStatus, _) = await OperatorDesk.CallAsync(system, HttpMethod.Get, "/admin/me", token);
        system.Clock.Advance(TimeSpan.FromSeconds(10));
        var (afterStatus, after) = await OperatorDesk.CallAsync(system, HttpMethod.Get, "/admin/me", token);

        Assert.Equal(HttpStatusCode.OK, beforeStatus);
        Assert.Equal(HttpStatusCode.Unauthorized, afterStatus);
        EnvelopeAssert.Code("1120", after);
    }

    [Fact]
    public async Task An_operator_changes_their_own_password_only_with_the_current_one()
    {
        var account = TestIds.Code("op");
        var session = await system.SignInAsync(account, "viewer");

        var (wrongStatus, wrong) = await OperatorDesk.CallAsync(system, HttpMethod.Put, "/admin/me/password", session,
            new { currentPassword = "not my password at all", password = "my own new password" });
        var (rightStatus, right) = await OperatorDesk.CallAsync(system, HttpMethod.Put, "/admin/me/password", session,
            new { currentPassword = SupervisionCluster.OperatorPassword, password = "my own new password" });
        var (oldStatus, _) = await OperatorDesk.LogInAsync(system, account, SupervisionCluster.OperatorPassword);
        var (newStatus, _) = await OperatorDesk.LogInAsync(system, account, "my own new password");
        var (sessionStatus, _) = await OperatorDesk.CallAsync(system, HttpMethod.Get, "/admin/me", session);

        Assert.Equal(HttpStatusCode.OK, wrongStatus);
        EnvelopeAssert.Code("1106", wrong);
        EnvelopeAssert.Names("currentPassword", wrong);
        EnvelopeAssert.Code("0", right);
        Assert.Equal(HttpStatusCode.OK, rightStatus);
        Assert.Equal(HttpStatusCode.Unauthorized, oldStatus);
        Assert.Equal(HttpStatusCode.OK, newStatus);
        Assert.Equal(HttpStatusCode.Unauthorized, sessionStatus);
        var evidence = OperatorDesk.Details(Assert.Single(await OperatorDesk.ActionsAsync(system, account)));
        Assert.Equal(("change", account, "changed"), ((string?)evidence["action"], (string?)evidence["account"], (string?)evidence["password"]));
    }

    [Theory]
    [InlineData("line\nbreak")]
    [InlineData("right\u202Eto-left")]
    [InlineData("zero\u200Bwidth")]
    [InlineData("tab\there")]
    [InlineData("")]
    public async Task An_account_name_that_could_forge_or_hide_in_a_log_is_refused_and_nothing_is_made(string name)
    {
        var answer = await system.AdminAsync(HttpMethod.Post, "/admin/operators", new { account = name, role = "viewer", password = SupervisionCluster.OperatorPassword });
        var accounts = (await system.AdminAsync(HttpMethod.Get, "/admin/operators"))["returnData"]!.AsArray();

        Assert.True((string?)answer["returnCode"] is "1003" or "1002", answer.ToJsonString());
        EnvelopeAssert.Names("account", answer);
        Assert.DoesNotContain(accounts, a => (string?)a!["account"] == name);
    }

    [Fact]
    public async Task A_short_password_or_an_unknown_role_is_refused_naming_it_and_nothing_is_made()
    {
        var account = TestIds.Code("op");
        var shortPassword = await system.AdminAsync(HttpMethod.Post, "/admin/operators", new { account, role = "viewer", password = "short" });
        var unknownRole = await system.AdminAsync(HttpMethod.Post, "/admin/operators", new { account, role = "root", password = SupervisionCluster.OperatorPassword });
        var unknownAccount = await system.AdminAsync(HttpMethod.Put, $"/admin/operators/{TestIds.Code("nobody")}", new { role = "viewer" });
        var (loginStatus, _) = await OperatorDesk.LogInAsync(system, account, "short");

        EnvelopeAssert.Code("1003", shortPassword);
        EnvelopeAssert.Names("password", shortPassword);
        EnvelopeAssert.Code("1003", unknownRole);
        EnvelopeAssert.Names("role", unknownRole);
        EnvelopeAssert.Code("1123", unknownAccount);
        Assert.Equal(HttpStatusCode.Unauthorized, loginStatus);
    }
}
