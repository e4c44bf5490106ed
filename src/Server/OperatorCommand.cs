using Supervision.Contracts.Evidence;
using Supervision.Contracts.Operators;
using Supervision.Database;
using Supervision.WebFront;

namespace Supervision.Server;

/// <summary>
/// Operator accounts from the command line of a machine that holds the cluster's configuration (SUPERVISION_DB and the
/// cluster's TLS settings), while the cluster runs: the way to make the first administrator without the shared key, and
/// to give a locked-out administrator a new password. The password is read from standard input, never from the
/// arguments (a process's arguments are visible to every user of the machine). Recorded as operator_account evidence
/// by "command-line", from the local user and host.
/// </summary>
public static class OperatorCommand
{
    public const string Usage =
        "usage: Supervision.Server operator add NAME --role viewer|reviewer|administrator\n"
        + "       Supervision.Server operator password NAME\n"
        + "The password is read from standard input (asked for twice on a terminal).";

    public static bool Is(string[] args) => args is ["operator", ..];

    /// <param name="configuration">The cluster's settings, as the server reads them (the environment).</param>
    /// <param name="passwords">Where the password is read, one line; null asks on the terminal, twice, without echo.</param>
    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextReader? passwords)
    {
        (string Name, OperatorRole? Role)? command = args switch
        {
            ["operator", "add", var name, "--role", var role] when OperatorRoleNames.Parse(role) is { } parsed => (name, parsed),
            ["operator", "password", var name] => (name, null),
            _ => null,
        };
        if (command is not var (account, newRole))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var password = passwords is null ? ReadTwice() : passwords.ReadLine() ?? "";
        if (password is null)
        {
            await Console.Error.WriteLineAsync("operator: the two passwords differ; nothing was changed");
            return 2;
        }

        var connectionString = DatabaseConnection.Tune(configuration["SUPERVISION_DB"]
            ?? throw new InvalidOperationException("No database: set SUPERVISION_DB to the cluster's PostgreSQL connection string."));
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client => FrontApplication.ConfigureClusterClient(client, configuration, connectionString));
        using var host = builder.Build();
        using var reach = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StartAsync(reach.Token);

        var directory = host.Services.GetRequiredService<IClusterClient>().GetGrain<IOperatorDirectoryGrain>(0);
        var by = new OperatorAction("command-line", $"{Environment.UserName}@{Environment.MachineName}");
        var outcome = newRole is { } given
            ? await directory.Create(account, given, password, by)
            : await directory.Change(account, new OperatorAccountChange(Password: password), by);
        await host.StopAsync();
        await (outcome.Succeeded ? Console.Out : Console.Error).WriteLineAsync($"operator {account}: {outcome.Message}");
        return outcome.Succeeded ? 0 : 1;
    }

    private static string? ReadTwice()
    {
        var first = Prompt("Password: ");
        return Prompt("Again: ") == first ? first : null;
    }

    private static string Prompt(string question)
    {
        Console.Error.Write(question);
        var typed = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return typed.ToString();
    }
}
