using System.Reflection;
using Npgsql;

namespace Supervision.Database;

/// <summary>
/// Creates and upgrades the schema: Orleans' provider tables and queries, then the project's own tables.
/// Each script under Sql/ runs once, in name order, inside one transaction with its bookkeeping row;
/// an advisory lock lets several silos start at once against an empty database.
/// </summary>
public static class SchemaMigrator
{
    /// <summary>The advisory lock that serialises migrations, the SQL ones here and those done in code at silo start-up.</summary>
    public const long MigrationLockId = 0x5355_5045_5256; // arbitrary, fixed: "SUPERV"
    private const string ResourcePrefix = "Supervision.Database.Sql.";

    /// <summary>
    /// Migrates once the database answers: a silo may start before PostgreSQL does (docker-compose, a reboot),
    /// so an unreachable server is waited for rather than fatal.
    /// </summary>
    public static async Task MigrateWhenReachableAsync(string connectionString, Action<Exception> onRetry, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            try
            {
                await MigrateAsync(connectionString, cancellationToken);
                return;
            }
            catch (Exception e) when (e is NpgsqlException { IsTransient: true } or System.Net.Sockets.SocketException or TimeoutException)
            {
                onRetry(e);
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
        }
    }

    public static async Task MigrateAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLockId})", cancellationToken);
        await ExecuteAsync(connection, transaction,
            "CREATE TABLE IF NOT EXISTS supervision_schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
            cancellationToken);

        var applied = new HashSet<string>();
        await using (var read = new NpgsqlCommand("SELECT name FROM supervision_schema_migrations", connection, transaction))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
        }

        foreach (var (name, sql) in Scripts())
        {
            if (applied.Contains(name))
            {
                continue;
            }

            await ExecuteAsync(connection, transaction, sql, cancellationToken);
            await using var record = new NpgsqlCommand("INSERT INTO supervision_schema_migrations (name) VALUES (@name)", connection, transaction);
            record.Parameters.AddWithValue("name", name);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static IEnumerable<(string Name, string Sql)> Scripts()
    {
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            yield return (resource[ResourcePrefix.Length..], reader.ReadToEnd());
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
