using Npgsql;
using NpgsqlTypes;
using Supervision.Grains.Evidence;

namespace Supervision.Grains.Study;

/// <summary>
/// Writes 1.10 reports to study_reports (610_study_reports.sql) by binary COPY, the student-class's rows in its ledger
/// writes: a report's row is committed only with the version it made, so at most one row exists per (session, version).
/// A row does not name its evidence chain: its span's session_start row, on the same chain, does.
/// </summary>
public sealed class StudyReportsTable : ILedgerTable
{
    public static readonly StudyReportsTable Instance = new();

    private StudyReportsTable()
    {
    }

    public async Task WriteAsync(NpgsqlConnection connection, IReadOnlyList<object> rows)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY study_reports (at, client_timestamp, session_id, version, play_time, progress_time, credited, accepted, bank, outcome, past_due, flags, chain_seq, chain_hash) FROM STDIN (FORMAT BINARY)");
        foreach (var r in rows.Cast<ReportRow>())
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(r.At, NpgsqlDbType.TimestampTz);
            await (r.ClientTimestamp is { } timestamp ? copy.WriteAsync(timestamp, NpgsqlDbType.Bigint) : copy.WriteNullAsync());
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
            await (r.Link is { } link ? copy.WriteAsync((int)link.Seq, NpgsqlDbType.Integer) : copy.WriteNullAsync());
            await (r.Link?.Hash is { } hash ? copy.WriteAsync(hash, NpgsqlDbType.Bytea) : copy.WriteNullAsync());
        }

        await copy.CompleteAsync();
    }
}
