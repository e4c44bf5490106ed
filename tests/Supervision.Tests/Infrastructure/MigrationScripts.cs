using Npgsql;
using Supervision.Database;

namespace Supervision.Tests.Infrastructure;

/// <summary>
/// For tests that build an earlier release's schema by hand and run one migration script over it: the scripts as
/// shipped in the Database assembly, and plain SQL on one connection.
/// </summary>
public static class MigrationScripts
{
    public static string Script(string name)
    {
        using var stream = typeof(SchemaMigrator).Assembly.GetManifestResourceStream("Supervision.Database.Sql." + name)!;
        return new StreamReader(stream).ReadToEnd();
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of every row, as text.</summary>
    public static async Task<List<string>> ColumnAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
