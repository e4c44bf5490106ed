using Supervision.Contracts.Evidence;
using Npgsql;
using NpgsqlTypes;
using Supervision.Grains.Evidence;
using Supervision.Contracts.Delivery;

namespace Supervision.Grains.Delivery;

/// <summary>
/// The deliveries table. Every time is the caller's (the supervision clock), never the database's, so
/// back-off and leases follow the one clock that tests move. Enqueueing wakes this silo's dispatcher.
/// </summary>
public sealed class DeliveryOutbox(NpgsqlDataSource dataSource) : ILedgerTable
{
    private const string Columns = "id, kind, platform_code, class_code, status, attempts, last_error, next_attempt_at, created_at, delivered_at";
    private readonly SemaphoreSlim wake = new(0, 1);

    /// <summary>
    /// A 1.12 push of a class's version, as a row of the class's ledger write: queued if and only if the change that
    /// made the version is committed. Idempotent: one row per class and version.
    /// </summary>
    public LedgerRows Push(string classCode, string platformCode, int version, DateTimeOffset now, int attemptLimit) =>
        new(this, [new QueuedPush(classCode, platformCode, version, now, attemptLimit)]);

    public IEnumerable<NpgsqlBatchCommand> Commands(IReadOnlyList<object> rows, int writer)
    {
        var pushes = rows.Cast<QueuedPush>().ToList();
        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO deliveries (kind, platform_code, class_code, version, dedup_key, status, attempt_limit, next_attempt_at, created_at)
            SELECT 'push', platform, class, version, 'push:' || class || ':' || version, 'pending', attempt_limit, at, at
              FROM unnest(@platforms, @classes, @versions, @limits, @times) AS p(platform, class, version, attempt_limit, at)
            ON CONFLICT (dedup_key) DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter<string[]>("platforms", pushes.Select(p => p.PlatformCode).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("classes", pushes.Select(p => p.ClassCode).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<int[]>("versions", pushes.Select(p => p.Version).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<int[]>("limits", pushes.Select(p => p.AttemptLimit).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<DateTime[]>("times", pushes.Select(p => p.At.UtcDateTime).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        yield return command;
    }

    /// <summary>A push was committed: this silo's dispatcher looks at once.</summary>
    public void Committed() => Wake();

    /// <summary>Idempotent by <paramref name="dedupKey"/>: answers the existing row when one was queued under it.</summary>
    /// <summary>
    /// Queues a pull once per <paramref name="dedupKey"/>; one an operator asked for (<paramref name="by"/>) is recorded
    /// as catalogue_pull evidence in the same statement, so a pull is never queued without who asked for it.
    /// </summary>
    public async Task<DeliveryView> EnqueuePullAsync(string platformCode, string dedupKey, DateTimeOffset now, int attemptLimit, OperatorAction? by = null)
    {
        await using (var insert = dataSource.CreateCommand(
            """
            WITH queued AS (
                INSERT INTO deliveries (kind, platform_code, dedup_key, status, attempt_limit, next_attempt_at, created_at)
                VALUES ('pull', @platform, @key, 'pending', @limit, @now, @now)
                ON CONFLICT (dedup_key) DO NOTHING
                RETURNING id)
            INSERT INTO evidence_events (at, kind, outcome, credited, platform_code, details)
            SELECT @now, @kind, '0', 0, @platform,
                   jsonb_build_object('deliveryId', id, 'platformCode', @platform::text, 'operator', @operator::text, 'address', @address::text)
            FROM queued WHERE @operator::text IS NOT NULL
            """))
        {
            insert.Parameters.AddWithValue("platform", platformCode);
            insert.Parameters.AddWithValue("key", dedupKey);
            insert.Parameters.AddWithValue("limit", attemptLimit);
            insert.Parameters.AddWithValue("now", now);
            insert.Parameters.AddWithValue("kind", EvidenceKind.CataloguePull);
            insert.Parameters.AddWithValue("operator", (object?)by?.Operator ?? DBNull.Value);
            insert.Parameters.AddWithValue("address", (object?)by?.Address ?? DBNull.Value);
            await insert.ExecuteNonQueryAsync();
        }

        Wake();
        await using var select = dataSource.CreateCommand($"SELECT {Columns} FROM deliveries WHERE dedup_key = @key");
        select.Parameters.AddWithValue("key", dedupKey);
        return (await ReadViewsAsync(select)).Single();
    }

    /// <summary>Leases up to <paramref name="batch"/> due deliveries; rows another silo is claiming are skipped, not waited for.</summary>
    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(string owner, DateTimeOffset now, TimeSpan lease, int batch)
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE deliveries d SET leased_until = @until, leased_by = @owner
            FROM (SELECT id FROM deliveries
                  WHERE status IN ('pending', 'retrying') AND next_attempt_at <= @now AND (leased_until IS NULL OR leased_until <= @now)
                  ORDER BY next_attempt_at, id LIMIT @batch FOR UPDATE SKIP LOCKED) due
            WHERE d.id = due.id
            RETURNING d.id, d.kind, d.platform_code, d.class_code, d.version, d.attempts, d.attempt_limit, d.target, d.payload
            """);
        command.Parameters.AddWithValue("until", now + lease);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("batch", batch);
        await using var reader = await command.ExecuteReaderAsync();
        var claimed = new List<ClaimedDelivery>();
        while (await reader.ReadAsync())
        {
            claimed.Add(new ClaimedDelivery(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetInt32(4),
                reader.GetInt32(5), reader.GetInt32(6))
            {
                Target = reader.IsDBNull(7) ? null : reader.GetString(7),
                Payload = reader.IsDBNull(8) ? null : (byte[])reader[8],
            });
        }

        return claimed;
    }

    /// <summary>Marks a leased delivery delivered; <paramref name="note"/> says why when it was not sent itself.</summary>
    public Task CompleteAsync(long id, string owner, DateTimeOffset now, string? note = null) => ExecuteAsync(
        """
        UPDATE deliveries SET status = 'delivered', attempts = attempts + @sent, delivered_at = @now,
               last_error = COALESCE(@note, last_error), leased_until = NULL, leased_by = NULL
        WHERE id = @id AND leased_by = @owner
        """,
        ("id", id), ("owner", owner), ("now", now), ("note", (object?)note ?? DBNull.Value), ("sent", note is null ? 1 : 0));

    /// <summary>Records a failed attempt: retrying at <paramref name="nextAttemptAt"/>, or dead once the attempt budget is spent.</summary>
    public Task FailAsync(long id, string owner, string error, DateTimeOffset nextAttemptAt) => ExecuteAsync(
        """
        UPDATE deliveries SET attempts = attempts + 1, last_error = @error, next_attempt_at = @next,
               status = CASE WHEN attempts + 1 >= attempt_limit THEN 'dead' ELSE 'retrying' END,
               leased_until = NULL, leased_by = NULL
        WHERE id = @id AND leased_by = @owner
        """,
        ("id", id), ("owner", owner), ("error", error), ("next", nextAttemptAt));

    /// <summary>Gives a claim back untried (the silo is stopping), so another silo may take it at once.</summary>
    public Task ReleaseAsync(long id, string owner) => ExecuteAsync(
        "UPDATE deliveries SET leased_until = NULL, leased_by = NULL WHERE id = @id AND leased_by = @owner",
        ("id", id), ("owner", owner));

    /// <summary>Drops a push whose class change was never committed (its grain call failed and was not acknowledged).</summary>
    public Task DiscardAsync(long id, string owner) => ExecuteAsync(
        "DELETE FROM deliveries WHERE id = @id AND leased_by = @owner", ("id", id), ("owner", owner));

    /// <summary>
    /// Revives a dead delivery and records who did it in the evidence ledger, in one statement: both are committed or
    /// neither is.
    /// </summary>
    public async Task<DeliveryView?> ReviveAsync(long id, DateTimeOffset now, int attemptBudget, OperatorAction by)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            WITH revived AS (
                UPDATE deliveries SET status = 'retrying', attempt_limit = attempts + @budget, next_attempt_at = @now
                WHERE id = @id AND status = 'dead'
                RETURNING {Columns}, last_error AS previous_error),
            noted AS (
                INSERT INTO evidence_events (at, kind, class_code, outcome, credited, platform_code, details)
                SELECT @now, @kind, class_code, '0', 0, platform_code,
                       jsonb_build_object('deliveryId', id, 'delivery', kind, 'attempts', attempts, 'lastError', previous_error, 'operator', @operator, 'address', @address)
                FROM revived)
            SELECT {Columns} FROM revived
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("budget", attemptBudget);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("kind", EvidenceKind.DeliveryRetry);
        command.Parameters.AddWithValue("operator", by.Operator);
        command.Parameters.AddWithValue("address", by.Address);
        var revived = (await ReadViewsAsync(command)).SingleOrDefault();
        if (revived is not null)
        {
            Wake();
        }

        return revived;
    }

    public async Task<DeliveryView?> FindAsync(long id)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM deliveries WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        return (await ReadViewsAsync(command)).SingleOrDefault();
    }

    /// <summary>
    /// Calls to learning platforms (1.12 push, 1.14 pull), newest first: the messages between grains that ride the same
    /// table (pass, rejection) are the cluster's own business, not a delivery anybody outside it waits for. The kinds are
    /// written out so the partial index deliveries_to_platforms (770) answers it however many messages there are.
    /// </summary>
    public async Task<IReadOnlyList<DeliveryView>> ListAsync(string? status, int limit)
    {
        string[] statuses = status switch
        {
            null => [DeliveryStatus.Pending, DeliveryStatus.Retrying, DeliveryStatus.Delivered, DeliveryStatus.Dead],
            DeliveryStatus.Failed => [DeliveryStatus.Retrying, DeliveryStatus.Dead],
            _ => [status],
        };
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM deliveries WHERE status = ANY(@statuses) AND kind IN ('push', 'pull') ORDER BY id DESC LIMIT @limit");
        command.Parameters.AddWithValue("statuses", statuses);
        command.Parameters.AddWithValue("limit", limit);
        return await ReadViewsAsync(command);
    }

    /// <summary>Deliveries waiting to be sent, due or not; the predicate is the due index's, which answers it.</summary>
    public async Task<long> CountWaitingAsync()
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM deliveries WHERE status IN ('pending', 'retrying')");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Waits until something is enqueued on this silo or <paramref name="timeout"/> passes.</summary>
    public async Task WaitForWorkAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        await wake.WaitAsync(timeout, cancellationToken);

    private void Wake()
    {
        try
        {
            wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the dispatcher will look once, which covers both enqueues.
        }
    }

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    private static async Task<IReadOnlyList<DeliveryView>> ReadViewsAsync(NpgsqlCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        var views = new List<DeliveryView>();
        while (await reader.ReadAsync())
        {
            views.Add(new DeliveryView(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4), reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetFieldValue<DateTimeOffset>(7), reader.GetFieldValue<DateTimeOffset>(8),
                reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9)));
        }

        return views;
    }
}
