using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Supervision.Grains.Evidence;

/// <summary>
/// Group commit: requests from many grains queue here, and one writer commits whatever has queued as one
/// transaction (evidence and reports by binary COPY, states by one multi-row upsert), then releases every waiter.
/// Each request still waits for its own commit, so nothing is acknowledged before it is durable, yet the
/// database sees a few large transactions instead of one per request.
/// </summary>
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

    /// <summary>Completes once the write is committed; throws if its transaction failed.</summary>
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
        var batch = new List<Pending>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            var started = Stopwatch.GetTimestamp();
            if (await TryWriteBatchAsync(batch))
            {
                // The waiters hear of their commit before it is counted: counting cannot turn a commit into a failure.
                batch.ForEach(p => p.Done.TrySetResult());
                metrics.Committed(batch.ConvertAll(p => p.Write), Stopwatch.GetElapsedTime(started));
            }

            batch.Clear();
        }
    }

    private async Task<bool> TryWriteBatchAsync(List<Pending> batch)
    {
        try
        {
            await WriteBatchAsync(batch);
            return true;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Evidence batch of {Count} writes failed; every request in it is answered as failed", batch.Count);
            batch.ForEach(p => p.Done.TrySetException(e));
            return false;
        }
    }

    private async Task WriteBatchAsync(List<Pending> batch)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await CopyEventsAsync(connection, batch.SelectMany(p => Linked(p.Write.Events, p.Write.Links, l => l.Events)));
        await CopyAnomaliesAsync(connection, batch.SelectMany(p => Linked(p.Write.Anomalies, p.Write.Links, l => l.Anomalies)));
        await CopyReportsAsync(connection, batch.SelectMany(p => Linked(p.Write.Reports, p.Write.Links, l => l.Reports)));
        // One row per grain: a batch may hold two changes of one grain (a stale activation's late write), and one
        // upsert may not touch a row twice.
        var states = batch.Select(p => p.Write.State).OfType<StateSnapshot>()
            .GroupBy(s => (s.Kind, s.Key)).Select(g => g.MaxBy(s => s.Version)!).ToList();
        await UpsertStatesAsync(connection, states);
        await ActivityAggregates.AddAsync(connection, batch.SelectMany(p => p.Write.Activity), batch.SelectMany(p => p.Write.Anomalies));
        await transaction.CommitAsync();
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
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY evidence_events (at, kind, class_code, student_user_code, card_no, res_code, session_id, outcome, credited, play_time, progress_time, platform_code, device_type, device_id, client_timestamp, details, chain, chain_seq, chain_hash) FROM STDIN (FORMAT BINARY)");
        foreach (var (e, chain, link) in events)
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

    /// <summary>A report row does not name its chain: its session_start row, on the same chain, does.</summary>
    private static async Task CopyReportsAsync(NpgsqlConnection connection, IEnumerable<(ReportRow Row, string? Chain, ChainHead? Link)> reports)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY study_reports (at, client_timestamp, session_id, version, play_time, progress_time, credited, accepted, bank, outcome, past_due, flags, chain_seq, chain_hash) FROM STDIN (FORMAT BINARY)");
        foreach (var (r, _, link) in reports)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(r.At, NpgsqlDbType.TimestampTz);
            await WriteNullableAsync(copy, r.ClientTimestamp, NpgsqlDbType.Bigint);
            await copy.WriteAsync(r.SessionId, NpgsqlDbType.Uuid);
            await copy.WriteAsync((int)r.Version, NpgsqlDbType.Integer);
            await copy.WriteAsync(r.PlayTime, NpgsqlDbType.Integer);
            await copy.WriteAsync(r.ProgressTime, NpgsqlDbType.Integer);
            await copy.WriteAsync(r.Credited, NpgsqlDbType.Integer);
            await copy.WriteAsync(r.Accepted, NpgsqlDbType.Integer);
            await copy.WriteAsync(r.Bank, NpgsqlDbType.Integer);
            await copy.WriteAsync(short.Parse(r.Outcome, System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Smallint);
            await copy.WriteAsync((short)r.PastDue, NpgsqlDbType.Smallint);
            await copy.WriteAsync((short)r.Flags, NpgsqlDbType.Smallint);
            await WriteNullableAsync(copy, (int?)link?.Seq, NpgsqlDbType.Integer);
            await WriteNullableAsync(copy, link?.Hash, NpgsqlDbType.Bytea);
        }

        await copy.CompleteAsync();
    }

    private static async Task UpsertStatesAsync(NpgsqlConnection connection, List<StateSnapshot> states)
    {
        if (states.Count == 0)
        {
            return;
        }

        // A version never goes backwards, even if a stale activation (after a silo failure) writes late.
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO grain_state (kind, key, version, payload, updated_at)
            SELECT * FROM unnest(@kinds, @keys, @versions, @payloads, @times)
            ON CONFLICT (kind, key) DO UPDATE
                SET version = excluded.version, payload = excluded.payload, updated_at = excluded.updated_at
                WHERE grain_state.version < excluded.version
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<string[]>("kinds", states.Select(s => s.Kind).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("keys", states.Select(s => s.Key).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<long[]>("versions", states.Select(s => s.Version).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<byte[][]>("payloads", states.Select(s => s.Payload).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        command.Parameters.Add(new NpgsqlParameter<DateTime[]>("times", states.Select(s => s.At.UtcDateTime).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync();
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type) =>
        value is null ? copy.WriteNullAsync() : copy.WriteAsync(value, type);

    private sealed record Pending(LedgerWrite Write, TaskCompletionSource Done);
}
