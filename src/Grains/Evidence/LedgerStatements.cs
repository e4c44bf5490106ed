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
    /// <remarks>
    /// One pass over the writes, in loops: this runs for every batch, where grouping queries cost a batch more than its
    /// statements' own arrays. Tables are written in the order the writes first name them.
    /// </remarks>
    public static List<ILedgerTable> Add(NpgsqlBatch batch, IReadOnlyList<LedgerWrite> writes, int writer)
    {
        var commands = batch.BatchCommands;
        var events = new List<(EvidenceEvent Row, string? Chain, ChainHead? Link)>();
        var anomalies = new List<(AnomalyRecord Row, string? Chain, ChainHead? Link)>();
        var snapshots = new List<LedgerWrite>();
        var named = new List<ILedgerTable>(2);
        var rowsOf = new List<List<object>>(2);
        foreach (var write in writes)
        {
            for (var i = 0; i < write.Events.Count; i++)
            {
                events.Add((write.Events[i], write.Links?.Chain, write.Links?.Events[i]));
            }

            for (var i = 0; i < write.Anomalies.Count; i++)
            {
                anomalies.Add((write.Anomalies[i], write.Links?.Chain, write.Links?.Anomalies[i]));
            }

            if (write.Snapshot is not null)
            {
                snapshots.Add(write);
            }

            foreach (var rows in write.Rows)
            {
                var t = named.IndexOf(rows.Table);
                if (t < 0)
                {
                    t = named.Count;
                    named.Add(rows.Table);
                    rowsOf.Add(new List<object>(writes.Count));
                }

                rowsOf[t].AddRange(rows.Rows);
            }
        }

        if (events.Count > 0)
        {
            commands.Add(Events(events));
        }

        if (anomalies.Count > 0)
        {
            commands.Add(Anomalies(anomalies));
            commands.Add(AnomaliesByDay.Add(anomalies.Select(a => a.Row), writer)!);
        }

        if (snapshots.Count > 0)
        {
            commands.Add(States(snapshots));
        }

        var tables = new List<ILedgerTable>(named.Count);
        for (var t = 0; t < named.Count; t++)
        {
            if (rowsOf[t].Count > 0)
            {
                foreach (var command in named[t].Commands(rowsOf[t], writer))
                {
                    commands.Add(command);
                }

                tables.Add(named[t]);
            }
        }

        return tables;
    }

    private static NpgsqlBatchCommand Events(List<(EvidenceEvent Row, string? Chain, ChainHead? Link)> rows)
    {
        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO evidence_events (at, kind, class_code, student_user_code, card_no, res_code, session_id, outcome, credited, play_time, progress_time, platform_code, device_type, device_id, client_timestamp, details, chain, chain_seq, chain_hash)
            SELECT * FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
            """);
        var p = command.Parameters;
        p.Add(Times(rows.ConvertAll(r => r.Row.At)));
        p.Add(Texts(rows.ConvertAll(r => (string?)r.Row.Kind)));
        p.Add(Texts(rows.ConvertAll(r => r.Row.ClassCode)));
        p.Add(Texts(rows.ConvertAll(r => r.Row.StudentUserCode)));
        p.Add(Texts(rows.ConvertAll(r => r.Row.CardNo)));
        p.Add(Texts(rows.ConvertAll(r => r.Row.ResCode)));
        p.Add(new NpgsqlParameter<Guid?[]> { TypedValue = rows.ConvertAll(r => r.Row.SessionId).ToArray() });
        p.Add(Texts(rows.ConvertAll(r => (string?)r.Row.Outcome)));
        p.Add(new NpgsqlParameter<int[]> { TypedValue = rows.ConvertAll(r => r.Row.Credited).ToArray() });
        p.Add(new NpgsqlParameter<int?[]> { TypedValue = rows.ConvertAll(r => r.Row.PlayTime).ToArray() });
        p.Add(new NpgsqlParameter<int?[]> { TypedValue = rows.ConvertAll(r => r.Row.ProgressTime).ToArray() });
        p.Add(Texts(rows.ConvertAll(r => r.Row.PlatformCode)));
        p.Add(Texts(rows.ConvertAll(r => r.Row.Device.DeviceType)));
        p.Add(Texts(rows.ConvertAll(r => r.Row.Device.DeviceId)));
        p.Add(Texts(rows.ConvertAll(r => r.Row.Device.ClientTimestamp)));
        p.Add(Json(rows.ConvertAll(r => r.Row.DetailsJson)));
        AddLinks(p, rows.ConvertAll(r => (r.Chain, r.Link)));
        return command;
    }

    private static NpgsqlBatchCommand Anomalies(List<(AnomalyRecord Row, string? Chain, ChainHead? Link)> rows)
    {
        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO anomalies (at, kind, class_code, student_user_code, card_no, res_code, session_id, details, chain, chain_seq, chain_hash)
            SELECT * FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            """);
        var p = command.Parameters;
        p.Add(Times(rows.ConvertAll(r => r.Row.At)));
        p.Add(Texts(rows.ConvertAll(r => (string?)r.Row.Kind)));
        p.Add(Texts(rows.ConvertAll(r => r.Row.ClassCode)));
        p.Add(Texts(rows.ConvertAll(r => r.Row.StudentUserCode)));
        p.Add(Texts(rows.ConvertAll(r => r.Row.CardNo)));
        p.Add(Texts(rows.ConvertAll(r => r.Row.ResCode)));
        p.Add(new NpgsqlParameter<Guid?[]> { TypedValue = rows.ConvertAll(r => r.Row.SessionId).ToArray() });
        p.Add(Json(rows.ConvertAll(r => (string?)r.Row.DetailsJson)));
        AddLinks(p, rows.ConvertAll(r => (r.Chain, r.Link)));
        return command;
    }

    /// <summary>Each write passed its version check in this transaction: its snapshot is the grain's newest.</summary>
    private static NpgsqlBatchCommand States(List<LedgerWrite> writes)
    {
        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO grain_state (kind, key, version, payload, updated_at)
            SELECT * FROM unnest($1, $2, $3, $4, $5)
            ON CONFLICT (kind, key) DO UPDATE
                SET version = excluded.version, payload = excluded.payload, updated_at = excluded.updated_at
            """);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<string[]> { TypedValue = writes.ConvertAll(w => w.Step.Kind).ToArray() });
        p.Add(new NpgsqlParameter<string[]> { TypedValue = writes.ConvertAll(w => w.Step.Key).ToArray() });
        p.Add(new NpgsqlParameter<long[]> { TypedValue = writes.ConvertAll(w => w.Step.Version).ToArray() });
        p.Add(new NpgsqlParameter<byte[][]> { TypedValue = writes.ConvertAll(w => w.Snapshot!).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        p.Add(Times(writes.ConvertAll(w => w.Step.At)));
        return command;
    }

    private static void AddLinks(NpgsqlParameterCollection p, List<(string? Chain, ChainHead? Link)> links)
    {
        p.Add(Texts(links.ConvertAll(l => l.Chain)));
        p.Add(new NpgsqlParameter<long?[]> { TypedValue = links.ConvertAll(l => l.Link?.Seq).ToArray() });
        p.Add(new NpgsqlParameter<byte[]?[]> { TypedValue = links.ConvertAll(l => l.Link?.Hash).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
    }

    // The statements' parameters are positional ($1…, in the order added), sent as they are: named ones would be
    // rewritten into a new SQL string every batch.
    private static NpgsqlParameter<DateTime[]> Times(List<DateTimeOffset> times) =>
        new() { TypedValue = times.ConvertAll(t => t.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz };

    private static NpgsqlParameter<string?[]> Texts(List<string?> texts) =>
        new() { TypedValue = texts.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    private static NpgsqlParameter<string?[]> Json(List<string?> texts) =>
        new() { TypedValue = texts.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb };
}
