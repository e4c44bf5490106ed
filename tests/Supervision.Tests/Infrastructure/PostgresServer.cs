using System.Diagnostics;
using Npgsql;

namespace Supervision.Tests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL server for the whole test run, started by the project's own
/// scripts/local-postgres.sh in a temporary folder on a free port, and removed when the run ends.
/// Each fixture gets a database of its own on it.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<PostgresServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly string folder;
    private readonly string adminConnectionString;
    private int databases;

    private PostgresServer(string folder, string adminConnectionString)
    {
        this.folder = folder;
        this.adminConnectionString = adminConnectionString;
    }

    public static PostgresServer Instance => Shared.Value;

    /// <summary>A server of a test's own, for a test that stops it: the shared one serves tests running alongside.</summary>
    public static PostgresServer StartPrivate() => Start();

    /// <summary>Stops the server at once, as a crash would (immediate shutdown, no checkpoint).</summary>
    public void Crash() => Script("crash", folder);

    public void StartAgain() => Script("start", folder, new NpgsqlConnectionStringBuilder(adminConnectionString).Port.ToString(), "fsync=off");

    /// <summary>Creates an empty database and answers its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"test_{Environment.ProcessId}_{Interlocked.Increment(ref databases)}";
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;
    }

    private static PostgresServer Start()
    {
        var folder = Directory.CreateTempSubdirectory("supervision-pg-").FullName;
        var connectionString = Script("start", folder, FreePort.Next().ToString(), "fsync=off").Trim();
        var server = new PostgresServer(folder, new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ConnectionString);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            Script("stop", folder);
            Directory.Delete(folder, recursive: true);
        };
        return server;
    }

    private static string Script(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(System.IO.Path.Combine(RepositoryRoot.Path, "scripts", "local-postgres.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output.Result
            : throw new InvalidOperationException($"local-postgres.sh {string.Join(' ', arguments)} failed: {error.Result}");
    }
}
