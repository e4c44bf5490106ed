using Npgsql;
using NpgsqlTypes;
using Supervision.Grains.Evidence;

namespace Supervision.Grains.Study;

/// <summary>
/// Writes 1.10 reports to study_reports (610_study_reports.sql), the student-class's rows in its ledger writes: a
/// report's row is committed only with the version it made, so at most one row exists per (session, version).
/// A row does not name its evidence chain: its span's session_start row, on the same chain, does.
/// </summary>
/// <remarks>
/// One INSERT of arrays, not a COPY: a COPY is a round trip of its own, while this statement travels with the
/// batch's others (<see cref="EvidenceLedger"/>).
/// </remarks>
public sealed class StudyReportsTable : ILedgerTable
{
    public static readonly StudyReportsTable Instance = new();

    private StudyReportsTable()
    {
    }

    public IEnumerable<NpgsqlBatchCommand> Commands(IReadOnlyList<object> rows, int writer)
    {
        // One pass over the batch's rows into the statement's arrays: no copy of the rows, no query per column.
        var n = rows.Count;
        var at = new DateTime[n];
        var clientTimestamp = new long?[n];
        var sessionId = new Guid[n];
        var version = new int[n];
        var playTime = new int[n];
        var progressTime = new int[n];
        var credited = new int[n];
        var accepted = new int[n];
        var bank = new int[n];
        var outcome = new short[n];
        var pastDue = new short[n];
        var flags = new short[n];
        var chainSeq = new int?[n];
        var chainHash = new byte[]?[n];
        for (var i = 0; i < n; i++)
        {
            var r = (ReportRow)rows[i];
            at[i] = r.At.UtcDateTime;
            clientTimestamp[i] = r.ClientTimestamp;
            sessionId[i] = r.SessionId;
            version[i] = (int)r.Version;
            playTime[i] = r.PlayTime;
            progressTime[i] = r.ProgressTime;
            credited[i] = r.Credited;
            accepted[i] = r.Accepted;
            bank[i] = r.Bank;
            outcome[i] = short.Parse(r.Outcome, System.Globalization.CultureInfo.InvariantCulture);
            pastDue[i] = (short)r.PastDue;
            flags[i] = (short)r.Flags;
            chainSeq[i] = r.Link is { } link ? (int)link.Seq : null;
            chainHash[i] = r.Link?.Hash;
        }

        // Positional parameters: Npgsql sends the text as it is, where named ones have it rewrite the SQL every batch.
        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO study_reports (at, client_timestamp, session_id, version, play_time, progress_time, credited, accepted, bank, outcome, past_due, flags, chain_seq, chain_hash)
            SELECT * FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
            """);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<DateTime[]> { TypedValue = at, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        p.Add(new NpgsqlParameter<long?[]> { TypedValue = clientTimestamp });
        p.Add(new NpgsqlParameter<Guid[]> { TypedValue = sessionId });
        p.Add(new NpgsqlParameter<int[]> { TypedValue = version });
        p.Add(new NpgsqlParameter<int[]> { TypedValue = playTime });
        p.Add(new NpgsqlParameter<int[]> { TypedValue = progressTime });
        p.Add(new NpgsqlParameter<int[]> { TypedValue = credited });
        p.Add(new NpgsqlParameter<int[]> { TypedValue = accepted });
        p.Add(new NpgsqlParameter<int[]> { TypedValue = bank });
        p.Add(new NpgsqlParameter<short[]> { TypedValue = outcome });
        p.Add(new NpgsqlParameter<short[]> { TypedValue = pastDue });
        p.Add(new NpgsqlParameter<short[]> { TypedValue = flags });
        p.Add(new NpgsqlParameter<int?[]> { TypedValue = chainSeq });
        p.Add(new NpgsqlParameter<byte[]?[]> { TypedValue = chainHash, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        yield return command;
    }
}
