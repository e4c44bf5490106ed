using System.Net;
using Microsoft.Extensions.Configuration;
using Supervision.Server;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Operators;

/// <summary>
/// The command line an operator with the cluster's configuration uses while the cluster runs: make an account with the
/// password read from standard input, give it a new one; recorded as evidence by "command-line".
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OperatorCommandTests(SupervisionCluster system)
{
    [Fact]
    public async Task Operator_add_makes_an_account_that_logs_in_and_operator_password_replaces_its_password()
    {
        var account = TestIds.Code("cli")[..12];

        var added = await RunAsync(["operator", "add", account, "--role", "reviewer"], "a password from stdin");
        var (firstStatus, first) = await OperatorDesk.LogInAsync(system, account, "a password from stdin");
        var replaced = await RunAsync(["operator", "password", account], "the replaced password");
        var (oldStatus, _) = await OperatorDesk.LogInAsync(system, account, "a password from stdin");
        var (newStatus, _) = await OperatorDesk.LogInAsync(system, account, "the replaced password");
        var usage = await RunAsync(["operator", "add", account, "--role", "root"], "whatever password");

        Assert.Equal(0, added);
        Assert.Equal(HttpStatusCode.OK, firstStatus);
        Assert.Equal("reviewer", (string?)first["returnData"]!["role"]);
        Assert.Equal(0, replaced);
        Assert.Equal(HttpStatusCode.Unauthorized, oldStatus);
        Assert.Equal(HttpStatusCode.OK, newStatus);
        Assert.Equal(2, usage);
        var made = await OperatorDesk.ActionsAsync(system, "command-line");
        Assert.Contains(made, a => (string?)OperatorDesk.Details(a)["account"] == account && (string?)OperatorDesk.Details(a)["action"] == "create");
        Assert.Contains(made, a => (string?)OperatorDesk.Details(a)["account"] == account && (string?)OperatorDesk.Details(a)["password"] == "changed");
    }

    private Task<int> RunAsync(string[] args, string password)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SUPERVISION_DB"] = system.ConnectionString,
            ["SUPERVISION_CLUSTER_ID"] = system.Cluster.Options.ClusterId,
        }).Build();
        return OperatorCommand.RunAsync(args, configuration, new StringReader(password + "\n"));
    }
}
