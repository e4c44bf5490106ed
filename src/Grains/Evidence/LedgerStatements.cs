using Npgsql;
using NpgsqlTypes;

namespace Supervision.Grains.Evidence;

/// <summary>
/// The statements that write a batch's writes, once they passed their version check: evidence events and anomalies,
/// snapshots, anomaly counts and each table's rows (<see cref="ILedgerTable"/>), each a single statement of arrays
/// (no COPY, which is a round trip of its own), so that the whole batch travels in one round trip. A statement with
/// no rows is not sent.
/// </summary>
public static class LedgerStatements
{
    /// <summary>Adds the statements to <paramref name="batch"/> and answers the tables they write to.</summary>
    public static List<ILedgerTable> Add(NpgsqlBatch batch, IReadOnlyList<LedgerWrite> writes, int writer)
    {
        var commands = batch.BatchCommands;
        var events = writes.Where(w => w.Events.Count > 0).SelectMany(w => Linked(w.Events, w.Links, l => l.Events)).ToList();
        if (events.Count > 0)
        {
            commands.Add(Events(events));
        }

        var anomalies = writes.Where(w => w.Anomalies.Count > 0).SelectMany(w => Linked(w.Anomalies, w.Links, l => l.Anomalies)).ToList();
        if (anomalies.Count > 0)
        {
            commands.Add(Anomalies(anomalies));
            commands.Add(AnomaliesByDay.Add(anomalies.Select(a => a.Row), writer)!);
        }

        var snapshots = writes.Where(w => w.Snapshot is not null).ToList();
        if (snapshots.Count > 0)
        {
            commands.Add(States(snapshots));
        }

        var tables = new List<ILedgerTable>();
        foreach (var table in writes.SelectMany(w => w.Rows).GroupBy(r => r.Table))
        {
            if (table.SelectMany(r => r.Rows).ToList() is { Count: > 0 } rows)
            {
                foreach (var command in table.Key.Commands(rows, writer))
                {
                    commands.Add(command);
                }

                tables.Add(table.Key);
            }
        }

        return tables;
    }

    /// <summary>Each row with its chain's name and its link, or nulls for a row outside any chain.</summary>
    private static IEnumerable<(T Row, string? Chain, ChainHead? Link)> Linked<T>(IReadOnlyList<T> rows, ChainLinks? links, Func<ChainLinks, IReadOnlyList<ChainHead>> of) =>
        rows.Select((row, i) => (row, links?.Chain, links is null ? (ChainHead?)null : of(links)[i]));

    private static NpgsqlBatchCommand Events(List<(EvidenceEvent Row, string? Chain, ChainHead? Link)> rows)
    {
        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO evidence_events (at, kind, class_code, student_user_code, card_no, res_code, session_id, outcome, credited, play_time, progress_time, platform_code, device_type, device_id, client_timestamp, details, chain, chain_seq, chain_hash)
            SELECT * FROM unnest(@at, @kind, @class_code, @student_user_code, @card_no, @res_code, @session_id, @outcome, @credited, @play_time, @progress_time, @platform_code, @device_type, @device_id, @client_timestamp, @details, @chain, @chain_seq, @chain_hash)
            """);
        var p = command.Parameters;
        p.Add(Times("at", rows.ConvertAll(r => r.Row.At)));
        p.Add(Texts("kind", rows.ConvertAll(r => (string?)r.Row.Kind)));
        p.Add(Texts("class_code", rows.ConvertAll(r => r.Row.ClassCode)));
        p.Add(Texts("student_user_code", rows.ConvertAll(r => r.Row.StudentUserCode)));
        p.Add(Texts("card_no", rows.ConvertAll(r => r.Row.CardNo)));
        p.Add(Texts("res_code", rows.ConvertAll(r => r.Row.ResCode)));
        p.Add(new NpgsqlParameter<Guid?[]>("session_id", rows.ConvertAll(r => r.Row.SessionId).ToArray()));
        p.Add(Texts("outcome", rows.ConvertAll(r => (string?)r.Row.Outcome)));
        p.Add(new NpgsqlParameter<int[]>("credited", rows.ConvertAll(r => r.Row.Credited).ToArray()));
        p.Add(new NpgsqlParameter<int?[]>("play_time", rows.ConvertAll(r => r.Row.PlayTime).ToArray()));
        p.Add(new NpgsqlParameter<int?[]>("progress_time", rows.ConvertAll(r => r.Row.ProgressTime).ToArray()));
        p.Add(Texts("platform_code", rows.ConvertAll(r => r.Row.PlatformCode)));
        p.Add(Texts("device_type", rows.ConvertAll(r => r.Row.Device.DeviceType)));
        p.Add(Texts("device_id", rows.ConvertAll(r => r.Row.Device.DeviceId)));
        p.Add(Texts("client_timestamp", rows.ConvertAll(r => r.Row.Device.ClientTimestamp)));
        p.Add(Json("details", rows.ConvertAll(r => r.Row.DetailsJson)));
        AddLinks(p, rows.ConvertAll(r => (r.Chain, r.Link)));
        return command;
    }

    private static NpgsqlBatchCommand Anomalies(List<(AnomalyRecord Row, string? Chain, ChainHead? Link)> rows)
    {
        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO anomalies (at, kind, class_code, student_user_code, card_no, res_code, session_id, details, chain, chain_seq, chain_hash)
            SELECT * FROM unnest(@at, @kind, @class_code, @student_user_code, @card_no, @res_code, @session_id, @details, @chain, @chain_seq, @chain_hash)
            """);
        var p = command.Parameters;
        p.Add(Times("at", rows.ConvertAll(r => r.Row.At)));
        p.Add(Texts("kind", rows.ConvertAll(r => (string?)r.Row.Kind)));
        p.Add(Texts("class_code", rows.ConvertAll(r => r.Row.ClassCode)));
        p.Add(Texts("student_user_code", rows.ConvertAll(r => r.Row.StudentUserCode)));
        p.Add(Texts("card_no", rows.ConvertAll(r => r.Row.CardNo)));
        p.Add(Texts("res_code", rows.ConvertAll(r => r.Row.ResCode)));
        p.Add(new NpgsqlParameter<Guid?[]>("session_id", rows.ConvertAll(r => r.Row.SessionId).ToArray()));
        p.Add(Json("details", rows.ConvertAll(r => (string?)r.Row.DetailsJson)));
        AddLinks(p, rows.ConvertAll(r => (r.Chain, r.Link)));
        return command;
    }

    /// <summary>Each write passed its version check in this transaction: its snapshot is the grain's newest.</summary>
    private static NpgsqlBatchCommand States(List<LedgerWrite> writes)
    {
        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO grain_state (kind, key, version, payload, updated_at)
            SELECT * FROM unnest(@kinds, @keys, @versions, @payloads, @times)
            ON CONFLICT (kind, key) DO UPDATE
                SET version = excluded.version, payload = excluded.payload, updated_at = excluded.updated_at
            """);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<string[]>("kinds", writes.ConvertAll(w => w.Step.Kind).ToArray()));
        p.Add(new NpgsqlParameter<string[]>("keys", writes.ConvertAll(w => w.Step.Key).ToArray()));
        p.Add(new NpgsqlParameter<long[]>("versions", writes.ConvertAll(w => w.Step.Version).ToArray()));
        p.Add(new NpgsqlParameter<byte[][]>("payloads", writes.ConvertAll(w => w.Snapshot!).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        p.Add(Times("times", writes.ConvertAll(w => w.Step.At)));
        return command;
    }

    private static void AddLinks(NpgsqlParameterCollection p, List<(string? Chain, ChainHead? Link)> links)
    {
        p.Add(Texts("chain", links.ConvertAll(l => l.Chain)));
        p.Add(new NpgsqlParameter<long?[]>("chain_seq", links.ConvertAll(l => l.Link?.Seq).ToArray()));
        p.Add(new NpgsqlParameter<byte[]?[]>("chain_hash", links.ConvertAll(l => l.Link?.Hash).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
    }

    private static NpgsqlParameter<DateTime[]> Times(string name, List<DateTimeOffset> times) =>
        new(name, times.ConvertAll(t => t.UtcDateTime).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz };

    private static NpgsqlParameter<string?[]> Texts(string name, List<string?> texts) =>
        new(name, texts.ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    private static NpgsqlParameter<string?[]> Json(string name, List<string?> texts) =>
        new(name, texts.ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb };
}
