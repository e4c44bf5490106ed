using Npgsql;

namespace Supervision.Tests.Infrastructure;

/// <summary>A trigger on <paramref name="table"/> and its function, both named <see cref="Name"/>, dropped when disposed.</summary>
internal sealed class InjectedFault(string connectionString, string name, string table) : IAsyncDisposable
{
    public string Name => name;

    /// <summary>Makes PostgreSQL refuse every row written to <paramref name="table"/> that matches <paramref name="when"/> (a condition on NEW), until disposed.</summary>
    public static async Task<InjectedFault> RefuseAsync(string connectionString, string name, string table, string when)
    {
        var fault = new InjectedFault(connectionString, name, table);
        await fault.ExecuteAsync(
            $"""
            CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected fault: write refused'; END $$;
            CREATE TRIGGER {name} BEFORE INSERT OR UPDATE ON {table} FOR EACH ROW WHEN ({when}) EXECUTE FUNCTION {name}();
            """);
        return fault;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync() => await ExecuteAsync($"DROP TRIGGER {name} ON {table}; DROP FUNCTION {name}();");
}
