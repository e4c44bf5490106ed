using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Npgsql;
using Supervision.Contracts.Study;
using Supervision.Database;
using Supervision.EvidenceChain;
using Supervision.Grains.Study;

namespace Supervision.Grains.Evidence;

/// <summary>
/// Reads a class's evidence out as a self-verifying bundle (docs/evidence-export.md): one canonical JSON object a
/// line, so that the bundle streams out as it is read and a verifier needs nothing but the file.
/// </summary>
public sealed class EvidenceExport(NpgsqlDataSource dataSource)
{
    public const string Format = "supervision-evidence-bundle";

    private const string EventColumns =
        "at, kind, class_code, student_user_code, card_no, res_code, session_id, outcome, credited, play_time, progress_time, platform_code, device_type, device_id, client_timestamp, details::text, chain_seq, chain_hash";

    private const string AnomalyColumns = "at, kind, class_code, student_user_code, card_no, res_code, session_id, details::text, chain_seq, chain_hash";

    private const string ReportColumns =
        "r.at, r.session_id, r.version, r.play_time, r.progress_time, r.outcome, r.credited, r.accepted, r.bank, r.past_due, r.flags, r.client_timestamp, r.chain_seq, r.chain_hash";

    public async IAsyncEnumerable<string> LinesAsync(string classCode, DateTimeOffset? from, DateTimeOffset? to, DateTimeOffset now,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        yield return Line(w => w
            .Name("class").String(classCode)
            .Name("exported_at").String(EvidenceTime.Format(now))
            .Name("format").String(Format)
            .Name("from").String(from is { } f ? EvidenceTime.Format(f) : null)
            .Name("to").String(to is { } t ? EvidenceTime.Format(t) : null)
            .Name("type").String("bundle")
            .Name("version").Number(1));

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // One snapshot for every read: a seal or record committed meanwhile cannot make the bundle disagree with itself.
        await using var snapshot = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var chains = await ChainsAsync(connection, classCode, cancellationToken);
        long records = 0, elided = 0, unchained = 0;
        DateTimeOffset? earliest = null;
        foreach (var chain in chains)
        {
            var entries = await ChainEntriesAsync(connection, chain, classCode, cancellationToken);
            foreach (var entry in entries.OrderBy(e => e.Seq))
            {
                earliest = earliest is { } e && e <= entry.At ? e : entry.At;
                if (entry.OfClass && (from is null || entry.At >= from) && (to is null || entry.At < to))
                {
                    records++;
                    yield return Line(w => w.Name("chain").String(chain).Name("hash").String(ChainHash.Hex(entry.Hash))
                        .Name("record").CanonicalValue(entry.Bytes).Name("seq").Number(entry.Seq).Name("type").String("record"));
                }
                else
                {
                    elided++;
                    yield return Line(w => w.Name("chain").String(chain).Name("hash").String(ChainHash.Hex(entry.Hash))
                        .Name("seq").Number(entry.Seq).Name("type").String("elided"));
                }
            }
        }

        foreach (var bytes in await UnchainedAsync(connection, classCode, from, to, cancellationToken))
        {
            unchained++;
            yield return Line(w => w.Name("record").CanonicalValue(bytes).Name("type").String("unchained"));
        }

        var (seals, sealCount) = earliest is { } first ? await SealsAsync(connection, classCode, ChinaTime.DayOf(first), cancellationToken) : ([], 0);
        foreach (var line in seals)
        {
            yield return line;
        }

        yield return Line(w => w
            .Name("chains").Number(chains.Count)
            .Name("elided").Number(elided)
            .Name("records").Number(records)
            .Name("seals").Number(sealCount)
            .Name("type").String("end")
            .Name("unchained").Number(unchained));
    }

    private static string Line(Action<CanonicalJsonWriter> members)
    {
        var writer = new CanonicalJsonWriter().StartObject();
        members(writer);
        return Encoding.UTF8.GetString(writer.EndObject().Written);
    }

    /// <summary>Every chain that holds a record of the class, by name.</summary>
    private static async Task<List<string>> ChainsAsync(NpgsqlConnection connection, string classCode, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            SELECT chain FROM evidence_events WHERE class_code = @class AND chain IS NOT NULL
            UNION
            SELECT chain FROM anomalies WHERE class_code = @class AND chain IS NOT NULL
            UNION
            SELECT {ReportChain.OfSessionStart} FROM evidence_events e
            WHERE e.class_code = @class AND e.kind = 'session_start' AND e.chain IS NULL
              AND EXISTS (SELECT 1 FROM study_reports r WHERE r.session_id = e.session_id AND r.chain_seq IS NOT NULL)
            ORDER BY 1
            """, connection);
        command.Parameters.AddWithValue("class", classCode);
        var chains = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            chains.Add(reader.GetString(0));
        }

        return chains;
    }

    /// <summary>Every record of one chain, with whether it is the class's; a chain's reports are the spans its starts began.</summary>
    private static async Task<List<ChainEntry>> ChainEntriesAsync(NpgsqlConnection connection, string chain, string classCode, CancellationToken cancellationToken)
    {
        var entries = new List<ChainEntry>();
        await using (var events = new NpgsqlCommand($"SELECT {EventColumns} FROM evidence_events WHERE chain = @chain ORDER BY chain_seq", connection))
        {
            events.Parameters.AddWithValue("chain", chain);
            await using var reader = await events.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var e = ReadEvent(reader);
                entries.Add(new ChainEntry(reader.GetInt64(16), (byte[])reader[17], e.At, e.ClassCode == classCode, EvidenceRecordBytes.Event(e, reader.GetInt64(16))));
            }
        }

        await using (var anomalies = new NpgsqlCommand($"SELECT {AnomalyColumns} FROM anomalies WHERE chain = @chain ORDER BY chain_seq", connection))
        {
            anomalies.Parameters.AddWithValue("chain", chain);
            await using var reader = await anomalies.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var a = ReadAnomaly(reader);
                entries.Add(new ChainEntry(reader.GetInt64(8), (byte[])reader[9], a.At, a.ClassCode == classCode, EvidenceRecordBytes.Anomaly(a, reader.GetInt64(8))));
            }
        }

        await using (var reports = new NpgsqlCommand(
            $"""
            SELECT {ReportColumns} FROM study_reports r
            WHERE r.chain_seq IS NOT NULL AND r.session_id IN (
                SELECT e.session_id FROM evidence_events e
                WHERE e.kind = 'session_start' AND e.class_code = @class AND {ReportChain.OfSessionStart} = @chain)
            ORDER BY r.chain_seq
            """, connection))
        {
            reports.Parameters.AddWithValue("chain", chain);
            reports.Parameters.AddWithValue("class", classCode);
            await using var reader = await reports.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var r = ReadReport(reader);
                entries.Add(new ChainEntry(reader.GetInt32(12), (byte[])reader[13], r.At, true, ReportRecordBytes.Of(r, reader.GetInt32(12))));
            }
        }

        return entries;
    }

    /// <summary>The class's records written before the chain existed: in the bundle, but proven by nothing.</summary>
    private static async Task<List<byte[]>> UnchainedAsync(NpgsqlConnection connection, string classCode, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        const string Window = "(@from::timestamptz IS NULL OR at >= @from) AND (@to::timestamptz IS NULL OR at < @to)";
        var rows = new List<byte[]>();
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand($"SELECT {EventColumns} FROM evidence_events WHERE class_code = @class AND chain IS NULL AND {Window} ORDER BY at, id"),
                new NpgsqlBatchCommand($"SELECT {AnomalyColumns} FROM anomalies WHERE class_code = @class AND chain IS NULL AND {Window} ORDER BY at, id"),
                new NpgsqlBatchCommand(
                    $"""
                    SELECT {ReportColumns} FROM study_reports r
                    WHERE r.chain_seq IS NULL AND (@from::timestamptz IS NULL OR r.at >= @from) AND (@to::timestamptz IS NULL OR r.at < @to) AND r.session_id IN (
                        SELECT session_id FROM evidence_events WHERE kind = 'session_start' AND class_code = @class)
                    ORDER BY r.at, r.session_id, r.version
                    """),
            },
        };
        foreach (NpgsqlBatchCommand command in batch.BatchCommands)
        {
            command.Parameters.AddWithValue("class", classCode);
            command.Parameters.AddWithValue("from", (object?)from ?? DBNull.Value);
            command.Parameters.AddWithValue("to", (object?)to ?? DBNull.Value);
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(EvidenceRecordBytes.Event(ReadEvent(reader), null));
        }

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(EvidenceRecordBytes.Anomaly(ReadAnomaly(reader), null));
        }

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(ReportRecordBytes.Of(ReadReport(reader), null));
        }

        return rows;
    }

    /// <summary>Every seal from the day of the chains' first record on, the class's proofs in them, and the keys that signed them.</summary>
    private static async Task<(List<string> Lines, int Seals)> SealsAsync(NpgsqlConnection connection, string classCode, DateOnly firstDay, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        var keys = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        await using (var seals = new NpgsqlCommand("SELECT day, body, hash, signature, public_key FROM evidence_seals WHERE day >= @first ORDER BY day", connection))
        {
            seals.Parameters.AddWithValue("first", firstDay);
            await using var reader = await seals.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var body = Encoding.UTF8.GetBytes(reader.GetString(1));
                var hash = (byte[])reader[2];
                var signature = (byte[])reader[3];
                var publicKey = (byte[])reader[4];
                keys[SealFingerprint.Of(publicKey)] = publicKey;
                lines.Add(Line(w => w.Name("body").CanonicalValue(body).Name("hash").String(ChainHash.Hex(hash))
                    .Name("signature").String(Convert.ToBase64String(signature)).Name("type").String("seal")));
            }
        }

        var sealCount = lines.Count;
        foreach (var day in await DaysWithGroupAsync(connection, classCode, firstDay, cancellationToken))
        {
            lines.Add(await ProofAsync(connection, classCode, day, cancellationToken));
        }

        lines.AddRange(keys.Select(k => Line(w => w.Name("fingerprint").String(k.Key).Name("public_key").String(Convert.ToBase64String(k.Value)).Name("type").String("key"))));
        return (lines, sealCount);
    }

    private static async Task<List<DateOnly>> DaysWithGroupAsync(NpgsqlConnection connection, string classCode, DateOnly firstDay, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT day FROM evidence_seal_groups WHERE class_code = @class AND day >= @first ORDER BY day", connection);
        command.Parameters.AddWithValue("class", classCode);
        command.Parameters.AddWithValue("first", firstDay);
        var days = new List<DateOnly>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            days.Add(reader.GetFieldValue<DateOnly>(0));
        }

        return days;
    }

    /// <summary>The class's leaf of a day's seal and its audit path.</summary>
    private static async Task<string> ProofAsync(NpgsqlConnection connection, string classCode, DateOnly day, CancellationToken cancellationToken)
    {
        await using var groups = new NpgsqlCommand("SELECT class_code, leaf FROM evidence_seal_groups WHERE day = @day ORDER BY leaf_index", connection);
        groups.Parameters.AddWithValue("day", day);
        var leaves = new List<byte[]>();
        byte[]? own = null;
        var index = -1;
        await using (var reader = await groups.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var leaf = Encoding.UTF8.GetBytes(reader.GetString(1));
                if (reader.GetString(0) == classCode)
                {
                    own = leaf;
                    index = leaves.Count;
                }

                leaves.Add(MerkleTree.LeafHash(leaf));
            }
        }

        if (own is null)
        {
            throw new InvalidOperationException($"The seal of {day} lost the group of class {classCode} between two reads.");
        }

        var path = MerkleTree.AuditPath(leaves, index);
        return Line(w =>
        {
            w.Name("day").String(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Name("index").Number(index).Name("leaf").CanonicalValue(own).Name("path").StartArray();
            foreach (var hash in path)
            {
                w.String(ChainHash.Hex(hash));
            }

            w.EndArray().Name("size").Number(leaves.Count).Name("type").String("proof");
        });
    }

    private static EvidenceEvent ReadEvent(NpgsqlDataReader r) => EvidenceEvent.Stored(r.GetFieldValue<DateTimeOffset>(0), r.GetString(1), Text(r, 15)) with
    {
        ClassCode = Text(r, 2), StudentUserCode = Text(r, 3), CardNo = Text(r, 4), ResCode = Text(r, 5), SessionId = r.IsDBNull(6) ? null : r.GetGuid(6),
        Outcome = r.GetString(7), Credited = r.GetInt32(8), PlayTime = r.IsDBNull(9) ? null : r.GetInt32(9), ProgressTime = r.IsDBNull(10) ? null : r.GetInt32(10),
        PlatformCode = Text(r, 11), Device = new DeviceInfo(Text(r, 12), Text(r, 13), Text(r, 14)),
    };

    private static AnomalyRecord ReadAnomaly(NpgsqlDataReader r) => AnomalyRecord.Stored(r.GetFieldValue<DateTimeOffset>(0), r.GetString(1), r.GetString(7)) with
    {
        ClassCode = Text(r, 2), StudentUserCode = Text(r, 3), CardNo = Text(r, 4), ResCode = Text(r, 5), SessionId = r.IsDBNull(6) ? null : r.GetGuid(6),
    };

    private static ReportRow ReadReport(NpgsqlDataReader r) => new(
        r.GetFieldValue<DateTimeOffset>(0), r.GetGuid(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4),
        r.GetInt16(5).ToString(CultureInfo.InvariantCulture), r.GetInt32(6), r.GetInt32(7), r.GetInt32(8), r.GetInt16(9),
        (ReportFlags)r.GetInt16(10), r.IsDBNull(11) ? null : r.GetInt64(11));

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private sealed record ChainEntry(long Seq, byte[] Hash, DateTimeOffset At, bool OfClass, byte[] Bytes);
}
