using System.Globalization;
using Npgsql;

namespace Supervision.Grains.Study;

/// <summary>
/// The student-class's journal in study_reports: the reports kept in rows alone after the state's last snapshot,
/// which a new activation replays, and which 2.5 replays onto the committed snapshots (<see cref="CommittedCredit"/>).
/// </summary>
public sealed class StudyReportJournal(NpgsqlDataSource dataSource)
{
    private const string Columns = "r.at, r.client_timestamp, r.version, r.play_time, r.progress_time, r.credited, r.accepted, r.bank, r.outcome, r.past_due, r.flags";

    /// <summary>
    /// The reports of one span committed after <paramref name="afterVersion"/> up to <paramref name="committedVersion"/>,
    /// in the order they were made. A row past the committed version cannot have been committed with its write (the
    /// ledger writes a write's rows only with its version), so none is read even if one were there.
    /// </summary>
    public async Task<IReadOnlyList<ReportRow>> ReportsBetweenAsync(Guid sessionId, long afterVersion, long committedVersion)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT {Columns}
            FROM study_reports r WHERE r.session_id = @session AND r.version > @after AND r.version <= @committed ORDER BY r.version
            """);
        command.Parameters.AddWithValue("session", sessionId);
        command.Parameters.AddWithValue("after", (int)afterVersion);
        command.Parameters.AddWithValue("committed", (int)committedVersion);
        var rows = new List<ReportRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(Row(reader, sessionId));
        }

        return rows;
    }

    /// <summary>
    /// <see cref="ReportsBetweenAsync(Guid, long, long)"/> for many spans in one query, each span's rows in the order
    /// they were made: a class's open spans, read without activating their grains.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, List<ReportRow>>> ReportsBetweenAsync(IReadOnlyList<(Guid SessionId, long AfterVersion, long CommittedVersion)> spans)
    {
        var bySpan = new Dictionary<Guid, List<ReportRow>>();
        if (spans.Count == 0)
        {
            return bySpan;
        }

        await using var command = dataSource.CreateCommand(
            $"""
            SELECT {Columns}, r.session_id
            FROM unnest(@sessions, @after, @committed) AS j(session_id, after, committed)
            JOIN study_reports r ON r.session_id = j.session_id AND r.version > j.after AND r.version <= j.committed
            ORDER BY r.session_id, r.version
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("sessions", spans.Select(s => s.SessionId).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<int[]>("after", spans.Select(s => (int)s.AfterVersion).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<int[]>("committed", spans.Select(s => (int)s.CommittedVersion).ToArray()));
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var sessionId = reader.GetGuid(11);
            if (!bySpan.TryGetValue(sessionId, out var rows))
            {
                rows = [];
                bySpan[sessionId] = rows;
            }

            rows.Add(Row(reader, sessionId));
        }

        return bySpan;
    }

    private static ReportRow Row(NpgsqlDataReader reader, Guid sessionId) => new(
        reader.GetFieldValue<DateTimeOffset>(0), sessionId, reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4),
        reader.GetInt16(8).ToString(CultureInfo.InvariantCulture), reader.GetInt32(5), reader.GetInt32(6), reader.GetInt32(7),
        reader.GetInt16(9), (ReportFlags)reader.GetInt16(10), reader.IsDBNull(1) ? null : reader.GetInt64(1));
}
