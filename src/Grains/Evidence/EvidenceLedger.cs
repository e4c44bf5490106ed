using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Supervision.Contracts;

namespace Supervision.Grains.Evidence;

/// <summary>
/// Group commit: requests from many grains queue here, and one writer commits whatever has queued as one
/// transaction (evidence by binary COPY, states by one multi-row upsert, the grains' own rows through their tables'
/// writers, <see cref="ILedgerTable"/>), then releases every waiter.
/// Each request still waits for its own commit, so nothing is acknowledged before it is durable, yet the
/// database sees a few large transactions instead of one per request.
/// </summary>
/// <remarks>
/// Each write commits only while its grain's committed version is the one it was drafted on (<see cref="GrainVersions"/>):
/// one that lost the check fails alone with a <see cref="VersionConflictException"/>, and none of its rows are written,
/// while the rest of the batch commits. A batch holds at most one write per grain; another write of the same grain
/// (a second activation's) waits for the next batch, which checks it against the version this one committed. A batch
/// the database refuses for another reason is split in halves, each committed on its own, down to the bad write,
/// which alone fails. docs/write-path.md states the contract.
/// </remarks>
public sealed class EvidenceLedger : IAsyncDisposable
{
    private const int MaxBatch = 1_000;
    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly NpgsqlDataSource dataSource;
    private readonly SupervisionMetrics metrics;
    private readonly ILogger<EvidenceLedger> logger;
    private readonly Task writer;

    public EvidenceLedger(NpgsqlDataSource dataSource, SupervisionMetrics metrics, ILogger<EvidenceLedger> logger)
    {
        this.dataSource = dataSource;
        this.metrics = metrics;
        this.logger = logger;
        writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>
    /// Completes once the write is committed; throws <see cref="VersionConflictException"/> if its grain's version
    /// had moved on, or the database's fault if its transaction failed.
    /// </summary>
    public Task CommitAsync(LedgerWrite write)
    {
        var pending = new Pending(write, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(EvidenceLedger));
        }

        return pending.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await writer;
    }

    private async Task WriteLoopAsync()
    {
        var deferred = new List<Pending>();
        while (deferred.Count > 0 || await queue.Reader.WaitToReadAsync())
        {
            var batch = new List<Pending>(MaxBatch);
            var grains = new HashSet<(string, string)>();
            var next = new List<Pending>();
            foreach (var pending in deferred)
            {
                (grains.Add((pending.Write.Step.Kind, pending.Write.Step.Key)) ? batch : next).Add(pending);
            }

            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var pending))
            {
                (grains.Add((pending.Write.Step.Kind, pending.Write.Step.Key)) ? batch : next).Add(pending);
            }

            deferred = next;
            await CommitOrSplitAsync(batch);
        }
    }

    private async Task CommitOrSplitAsync(List<Pending> batch)
    {
        var started = Stopwatch.GetTimestamp();
        HashSet<(string Kind, string Key)> advanced;
        try
        {
            advanced = await WriteBatchAsync(batch);
        }
        catch (Exception e) when (batch.Count > 1 && !IsUnreachable(e))
        {
            logger.LogWarning(e, "Evidence batch of {Count} writes was refused; committing its halves apart to find the bad write", batch.Count);
            var half = batch.Count / 2;
            await CommitOrSplitAsync(batch[..half]);
            await CommitOrSplitAsync(batch[half..]);
            return;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Evidence batch of {Count} writes failed; every request in it is answered as failed", batch.Count);
            batch.ForEach(p => p.Done.TrySetException(e));
            return;
        }

        var committed = new List<LedgerWrite>(batch.Count);
        foreach (var pending in batch)
        {
            var step = pending.Write.Step;
            if (advanced.Contains((step.Kind, step.Key)))
            {
                pending.Done.TrySetResult();
                committed.Add(pending.Write);
            }
            else
            {
                logger.LogWarning("A write of {Kind} {Key} drafted on version {Expected} was refused: another activation committed first", step.Kind, step.Key, step.Expected);
                pending.Done.TrySetException(new VersionConflictException($"{step.Kind}: version {step.Expected} is no longer the committed one"));
            }
        }

        // The waiters hear of their commit before it is counted: counting cannot turn a commit into a failure.
        metrics.Committed(committed, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>
    /// The database could not be reached (or the answer to a commit was lost): every write of the batch would fail
    /// alike, so it is not split; each request is answered as failed, and its grain reloads what was stored.
    /// </summary>
    private static bool IsUnreachable(Exception e) =>
        e is NpgsqlException and not PostgresException || e is System.Net.Sockets.SocketException or TimeoutException;

    /// <summary>Writes the batch's writes that pass their version check, and answers the grains they advanced.</summary>
    private async Task<HashSet<(string Kind, string Key)>> WriteBatchAsync(List<Pending> batch)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var advanced = await GrainVersions.AdvanceAsync(connection, batch.ConvertAll(p => p.Write));
        var writes = batch.Select(p => p.Write).Where(w => advanced.Contains((w.Step.Kind, w.Step.Key))).ToList();
        await CopyEventsAsync(connection, writes.SelectMany(w => Linked(w.Events, w.Links, l => l.Events)));
        await CopyAnomaliesAsync(connection, writes.SelectMany(w => Linked(w.Anomalies, w.Links, l => l.Anomalies)));
        await UpsertStatesAsync(connection, writes.Where(w => w.Snapshot is not null).ToList());
        await AnomaliesByDay.AddAsync(connection, writes.SelectMany(w => w.Anomalies));
        var tables = writes.SelectMany(w => w.Rows).GroupBy(r => r.Table).ToList();
        foreach (var table in tables)
        {
            if (table.SelectMany(r => r.Rows).ToList() is { Count: > 0 } rows)
            {
                await table.Key.WriteAsync(connection, rows);
            }
        }
        await transaction.CommitAsync();
        tables.ForEach(t => t.Key.Committed());
        return advanced;
    }

    /// <summary>Each row with its chain's name and its link, or nulls for a row outside any chain.</summary>
    private static IEnumerable<(T Row, string? Chain, ChainHead? Link)> Linked<T>(IReadOnlyList<T> rows, ChainLinks? links, Func<ChainLinks, IReadOnlyList<ChainHead>> of) =>
        rows.Select((row, i) => (row, links?.Chain, links is null ? (ChainHead?)null : of(links)[i]));

    private static async Task WriteLinkAsync(NpgsqlBinaryImporter copy, string? chain, ChainHead? link)
    {
        await WriteNullableAsync(copy, chain, NpgsqlDbType.Text);
        await WriteNullableAsync(copy, link?.Seq, NpgsqlDbType.Bigint);
        await WriteNullableAsync(copy, link?.Hash, NpgsqlDbType.Bytea);
    }

    private static async Task CopyEventsAsync(NpgsqlConnection connection, IEnumerable<(EvidenceEvent Row, string? Chain, ChainHead? Link)> events)
    {
        // Most batches are reports alone: an empty COPY would still cost two round trips.
        var rows = events.ToList();
        if (rows.Count == 0)
        {
            return;
        }

        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY evidence_events (at, kind, class_code, student_user_code, card_no, res_code, session_id, outcome, credited, play_time, progress_time, platform_code, device_type, device_id, client_timestamp, details, chain, chain_seq, chain_hash) FROM STDIN (FORMAT BINARY)");
        foreach (var (e, chain, link) in rows)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(e.At, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(e.Kind, NpgsqlDbType.Text);
            await WriteNullableAsync(copy, e.ClassCode, NpgsqlDbType.Text);
            await WriteNullableAsync(copy, e.StudentUserCode, NpgsqlDbType.Text);
            await WriteNullableAsync(copy, e.CardNo, NpgsqlDbType.Text);
            await WriteNullableAsync(copy, e.ResCode, NpgsqlDbType.Text);
            await WriteNullableAsync(copy, e.SessionId, NpgsqlDbType.Uuid);
            await copy.WriteAsync(e.Outcome, NpgsqlDbType.Text);
            await copy.WriteAsync(e.Credited, NpgsqlDbType.Integer);
            await WriteNullableAsync(copy, e.PlayTime, NpgsqlDbType.Integer);
            await WriteNullableAsync(copy, e.ProgressTime, NpgsqlDbType.Integer);
            await WriteNullableAsync(copy, e.PlatformCode, NpgsqlDbType.Text);
            await WriteNullableAsync(copy, e.Device.DeviceType, NpgsqlDbType.Text);
            await WriteNullableAsync(copy, e.Device.DeviceId, NpgsqlDbType.Text);
            await WriteNullableAsync(copy, e.Device.ClientTimestamp, NpgsqlDbType.Text);
            await WriteNullableAsync(copy, e.DetailsJson, NpgsqlDbType.Jsonb);
            await WriteLinkAsync(copy, chain, link);
        }

        await copy.CompleteAsync();
    }

    private static async Task CopyAnomaliesAsync(NpgsqlConnection connection, IEnumerable<(AnomalyRecord Row, string? Chain, ChainHead? Link)> anomalies)
    {
        var rows = anomalies.ToList();
        if (rows.Count == 0)
        {
            return;
        }

        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY anomalies (at, kind, class_code, student_user_code, card_no, res_code, session_id, details, chain, chain_seq, chain_hash) FROM STDIN (FORMAT BINARY)");
        foreach (var (a, chain, link) in rows)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(a.At, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(a.Kind, NpgsqlDbType.Text);
            await WriteNullableAsync(copy, a.ClassCode, NpgsqlDbType.Text);
            await WriteNullableAsync(copy, a.StudentUserCode, NpgsqlDbType.Text);
            await WriteNullableAsync(copy, a.CardNo, NpgsqlDbType.Text);
            await WriteNullableAsync(copy, a.ResCode, NpgsqlDbType.Text);
            await WriteNullableAsync(copy, a.SessionId, NpgsqlDbType.Uuid);
            await copy.WriteAsync(a.DetailsJson, NpgsqlDbType.Jsonb);
            await WriteLinkAsync(copy, chain, link);
        }

        await copy.CompleteAsync();
    }

    private static async Task UpsertStatesAsync(NpgsqlConnection connection, List<LedgerWrite> writes)
    {
        if (writes.Count == 0)
        {
            return;
        }

        // Each write passed its version check in this transaction: its snapshot is the grain's newest.
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO grain_state (kind, key, version, payload, updated_at)
            SELECT * FROM unnest(@kinds, @keys, @versions, @payloads, @times)
            ON CONFLICT (kind, key) DO UPDATE
                SET version = excluded.version, payload = excluded.payload, updated_at = excluded.updated_at
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<string[]>("kinds", writes.Select(w => w.Step.Kind).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("keys", writes.Select(w => w.Step.Key).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<long[]>("versions", writes.Select(w => w.Step.Version).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<byte[][]>("payloads", writes.Select(w => w.Snapshot!).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        command.Parameters.Add(new NpgsqlParameter<DateTime[]>("times", writes.Select(w => w.Step.At.UtcDateTime).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync();
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type) =>
        value is null ? copy.WriteNullAsync() : copy.WriteAsync(value, type);

    private sealed record Pending(LedgerWrite Write, TaskCompletionSource Done);
}
