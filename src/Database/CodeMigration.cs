using Npgsql;

namespace Supervision.Database;

/// <summary>
/// Runs a migration that only .NET can do (it reads serialised grain state) once per database: in one transaction,
/// under the schema migrations' lock, recorded in supervision_schema_migrations under its name, so however many silos
/// start at once, one runs it and the others find it done.
/// </summary>
public static class CodeMigration
{
    /// <summary>What <paramref name="migrate"/> answered; the default when the migration had already run.</summary>
    public static async Task<T?> RunOnceAsync<T>(NpgsqlDataSource dataSource, string name, Func<NpgsqlConnection, Task<T>> migrate, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockMigrations = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({SchemaMigrator.MigrationLockId})", connection))
        {
            await lockMigrations.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var ran = new NpgsqlCommand("SELECT count(*) FROM supervision_schema_migrations WHERE name = @name", connection))
        {
            ran.Parameters.AddWithValue("name", name);
            if ((long)(await ran.ExecuteScalarAsync(cancellationToken))! > 0)
            {
                return default;
            }
        }

        var result = await migrate(connection);
        await using (var record = new NpgsqlCommand("INSERT INTO supervision_schema_migrations (name) VALUES (@name)", connection))
        {
            record.Parameters.AddWithValue("name", name);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
