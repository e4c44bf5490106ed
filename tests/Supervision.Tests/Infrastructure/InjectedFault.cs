using Npgsql;

namespace Supervision.Tests.Infrastructure;

/// <summary>A trigger on <paramref name="table"/> and its function, both named <see cref="Name"/>, dropped when disposed.</summary>
internal sealed class InjectedFault(string connectionString, string name, string table) : IAsyncDisposable
{
    public string Name => name;

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync() => await ExecuteAsync($"DROP TRIGGER {name} ON {table}; DROP FUNCTION {name}();");
}
