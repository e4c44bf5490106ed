using System.Globalization;
using Npgsql;

namespace Supervision.Database.Partitions;

/// <summary>
/// Creates and lists the month partitions of the <see cref="PartitionedTables"/>. Every change takes
/// <see cref="MaintenanceLockId"/> inside its transaction, so silos starting together and the archive command never
/// race to create, drop or restore the same month.
/// </summary>
public static class MonthlyPartitions
{
    public const long MaintenanceLockId = 0x5355_5045_5250; // arbitrary, fixed: "SUPERP"

    /// <summary>
    /// Makes sure every partitioned table has a partition for each month from <paramref name="current"/> to
    /// <paramref name="monthsAhead"/> months later, and for each month that rows in its default partition fall in
    /// (those rows move into it). Answers the partitions it created.
    /// </summary>
    public static async Task<IReadOnlyList<string>> EnsureAsync(NpgsqlConnection connection, EvidenceMonth current, int monthsAhead, CancellationToken cancellationToken = default)
    {
        var created = new List<string>();
        foreach (var table in PartitionedTables.All)
        {
            var months = Enumerable.Range(0, monthsAhead + 1).Select(current.AddMonths)
                .Concat(await MonthsInDefaultAsync(connection, table, cancellationToken))
                .Distinct().Order();
            foreach (var month in months)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await LockAsync(connection, cancellationToken);

                // Waiting on a long query's lock would queue the application's writes behind this: give up, try tomorrow.
                await ExecuteAsync(connection, "SET LOCAL lock_timeout = '10s'", cancellationToken);
                if (!await IsAttachedAsync(connection, table, month.PartitionOf(table), cancellationToken))
                {
                    await CreateAsync(connection, table, month, cancellationToken);
                    created.Add(month.PartitionOf(table));
                }

                await transaction.CommitAsync(cancellationToken);
            }
        }

        return created;
    }

    /// <summary>Takes the maintenance lock until the caller's transaction ends.</summary>
    public static Task LockAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default) =>
        ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({MaintenanceLockId})", cancellationToken);

    /// <summary>Creates <paramref name="table"/>'s partition for <paramref name="month"/> in the caller's transaction.</summary>
    public static async Task CreateAsync(NpgsqlConnection connection, string table, EvidenceMonth month, CancellationToken cancellationToken = default)
    {
        await CreateDetachedAsync(connection, table, month, month.PartitionOf(table), cancellationToken);
        await AttachAsync(connection, table, month, month.PartitionOf(table), cancellationToken);
    }

    /// <summary>
    /// Creates a table shaped like a partition of <paramref name="table"/> for <paramref name="month"/>, indexes included,
    /// but not attached yet: it can be filled without locking the table the application writes (a restore), and its
    /// bound check lets <see cref="AttachAsync"/> attach it without scanning it.
    /// </summary>
    public static async Task CreateDetachedAsync(NpgsqlConnection connection, string table, EvidenceMonth month, string name, CancellationToken cancellationToken = default)
    {
        PartitionedTables.Require(table);
        await ExecuteAsync(connection, $"CREATE TABLE {name} (LIKE {table} INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)", cancellationToken);

        // LIKE copies no column options, and each partition is planned with its own statistics: a distinct count set on
        // the table (study_reports.session_id) must reach every month.
        await ExecuteAsync(connection, $$"""
            DO $options$
            DECLARE c record;
            BEGIN
                FOR c IN SELECT attname, array_to_string(attoptions, ', ') AS options FROM pg_attribute
                         WHERE attrelid = '{{table}}'::regclass AND attnum > 0 AND attoptions IS NOT NULL LOOP
                    EXECUTE format('ALTER TABLE %I ALTER COLUMN %I SET (%s)', '{{name}}', c.attname, c.options);
                END LOOP;
            END
            $options$
            """, cancellationToken);
        await ExecuteAsync(connection, $"ALTER TABLE {name} ADD CONSTRAINT {name}_bounds CHECK (at >= {Literal(month.Start)} AND at < {Literal(month.End)})", cancellationToken);
    }

    /// <summary>
    /// Attaches a table made by <see cref="CreateDetachedAsync"/> as <paramref name="table"/>'s partition for
    /// <paramref name="month"/>, in the caller's transaction, first moving into it the rows of that month that the
    /// default partition caught (PostgreSQL refuses a partition while the default one holds rows of its range).
    /// </summary>
    public static async Task AttachAsync(NpgsqlConnection connection, string table, EvidenceMonth month, string name, CancellationToken cancellationToken = default)
    {
        var fallback = PartitionedTables.DefaultPartitionOf(table);
        var partition = month.PartitionOf(table);
        var (from, to) = (Literal(month.Start), Literal(month.End));

        // Attaching locks the default partition anyway; taking that lock first keeps a write of this month from landing
        // there between the move and the attach's check. The default partition is empty unless a clock or a backfill
        // went astray, so the lock lasts milliseconds.
        await ExecuteAsync(connection, $"LOCK TABLE {fallback} IN ACCESS EXCLUSIVE MODE", cancellationToken);
        await ExecuteAsync(connection,
            $"WITH moved AS (DELETE FROM {fallback} WHERE at >= {from} AND at < {to} RETURNING *) INSERT INTO {name} SELECT * FROM moved", cancellationToken);
        if (name != partition)
        {
            await ExecuteAsync(connection, $"ALTER TABLE {name} RENAME TO {partition}", cancellationToken);
            await ExecuteAsync(connection, $"ALTER TABLE {partition} RENAME CONSTRAINT {name}_bounds TO {partition}_bounds", cancellationToken);
        }

        // ATTACH, unlike CREATE TABLE … PARTITION OF, leaves reads and writes of the table running.
        await ExecuteAsync(connection, $"ALTER TABLE {table} ATTACH PARTITION {partition} FOR VALUES FROM ({from}) TO ({to})", cancellationToken);
        await ExecuteAsync(connection, $"ALTER TABLE {partition} DROP CONSTRAINT {partition}_bounds", cancellationToken);
    }

    /// <summary>Whether <paramref name="partition"/> is attached to <paramref name="table"/>.</summary>
    public static async Task<bool> IsAttachedAsync(NpgsqlConnection connection, string table, string partition, CancellationToken cancellationToken = default)
    {
        await using var command = new NpgsqlCommand(
            "SELECT EXISTS (SELECT FROM pg_inherits WHERE inhparent = @table::regclass AND inhrelid = to_regclass(@partition))", connection);
        command.Parameters.AddWithValue("table", PartitionedTables.Require(table));
        command.Parameters.AddWithValue("partition", partition);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The months <paramref name="table"/> has a partition for, oldest first.</summary>
    public static async Task<IReadOnlyList<EvidenceMonth>> MonthsAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken = default)
    {
        await using var command = new NpgsqlCommand(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = @table::regclass", connection);
        command.Parameters.AddWithValue("table", PartitionedTables.Require(table));
        var months = new List<EvidenceMonth>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var suffix = reader.GetString(0)[(table.Length + 1)..];
            if (suffix is { Length: 7 } && suffix[4] == '_')
            {
                months.Add(EvidenceMonth.Parse(suffix.Replace('_', '-')));
            }
        }

        months.Sort();
        return months;
    }

    /// <summary>
    /// The months that rows in the default partition fall in: none, as it should be. Only months a partition can be
    /// named for; a row dated before 2000 by a broken clock stays where it is, for an operator to look at.
    /// </summary>
    private static async Task<IReadOnlyList<EvidenceMonth>> MonthsInDefaultAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            SELECT DISTINCT extract(year FROM local)::int, extract(month FROM local)::int
            FROM (SELECT (at AT TIME ZONE 'UTC') + interval '8 hours' AS local FROM {PartitionedTables.DefaultPartitionOf(table)} WHERE at >= @from AND at < @to) rows
            """, connection);
        command.Parameters.AddWithValue("from", new EvidenceMonth(2000, 1).Start);
        command.Parameters.AddWithValue("to", new EvidenceMonth(9998, 12).Start);
        var months = new List<EvidenceMonth>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            months.Add(new EvidenceMonth(reader.GetInt32(0), reader.GetInt32(1)));
        }

        return months;
    }

    private static string Literal(DateTimeOffset instant) =>
        $"'{instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}+00'::timestamptz";

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
