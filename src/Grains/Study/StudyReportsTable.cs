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
        var reports = new ReportRow[rows.Count];
        for (var i = 0; i < reports.Length; i++)
        {
            reports[i] = (ReportRow)rows[i];
        }

        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO study_reports (at, client_timestamp, session_id, version, play_time, progress_time, credited, accepted, bank, outcome, past_due, flags, chain_seq, chain_hash)
            SELECT * FROM unnest(@at, @client_timestamp, @session_id, @version, @play_time, @progress_time, @credited, @accepted, @bank, @outcome, @past_due, @flags, @chain_seq, @chain_hash)
            """);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<DateTime[]>("at", Array.ConvertAll(reports, r => r.At.UtcDateTime)) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        p.Add(new NpgsqlParameter<long?[]>("client_timestamp", Array.ConvertAll(reports, r => r.ClientTimestamp)));
        p.Add(new NpgsqlParameter<Guid[]>("session_id", Array.ConvertAll(reports, r => r.SessionId)));
        p.Add(new NpgsqlParameter<int[]>("version", Array.ConvertAll(reports, r => (int)r.Version)));
        p.Add(new NpgsqlParameter<int[]>("play_time", Array.ConvertAll(reports, r => r.PlayTime)));
        p.Add(new NpgsqlParameter<int[]>("progress_time", Array.ConvertAll(reports, r => r.ProgressTime)));
        p.Add(new NpgsqlParameter<int[]>("credited", Array.ConvertAll(reports, r => r.Credited)));
        p.Add(new NpgsqlParameter<int[]>("accepted", Array.ConvertAll(reports, r => r.Accepted)));
        p.Add(new NpgsqlParameter<int[]>("bank", Array.ConvertAll(reports, r => r.Bank)));
        p.Add(new NpgsqlParameter<short[]>("outcome", Array.ConvertAll(reports, r => short.Parse(r.Outcome, System.Globalization.CultureInfo.InvariantCulture))));
        p.Add(new NpgsqlParameter<short[]>("past_due", Array.ConvertAll(reports, r => (short)r.PastDue)));
        p.Add(new NpgsqlParameter<short[]>("flags", Array.ConvertAll(reports, r => (short)r.Flags)));
        p.Add(new NpgsqlParameter<int?[]>("chain_seq", Array.ConvertAll(reports, r => r.Link is { } link ? (int?)link.Seq : null)));
        p.Add(new NpgsqlParameter<byte[]?[]>("chain_hash", Array.ConvertAll(reports, r => r.Link?.Hash)) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        yield return command;
    }
}
