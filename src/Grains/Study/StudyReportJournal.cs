using System.Globalization;
using Npgsql;

namespace Supervision.Grains.Study;

/// <summary>
/// The student-class's journal in study_reports: the reports kept in rows alone after the state's last snapshot,
/// which a new activation replays.
/// </summary>
public sealed class StudyReportJournal(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// The reports of one span committed after <paramref name="afterVersion"/> up to <paramref name="committedVersion"/>,
    /// in the order they were made. A row past the committed version cannot have been committed with its write (the
    /// ledger writes a write's rows only with its version), so none is read even if one were there.
    /// </summary>
    public async Task<IReadOnlyList<ReportRow>> ReportsBetweenAsync(Guid sessionId, long afterVersion, long committedVersion)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT at, client_timestamp, version, play_time, progress_time, credited, accepted, bank, outcome, past_due, flags
            FROM study_reports WHERE session_id = @session AND version > @after AND version <= @committed ORDER BY version
            """);
        command.Parameters.AddWithValue("session", sessionId);
        command.Parameters.AddWithValue("after", (int)afterVersion);
        command.Parameters.AddWithValue("committed", (int)committedVersion);
        var rows = new List<ReportRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new ReportRow(
                reader.GetFieldValue<DateTimeOffset>(0), sessionId, reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4),
                reader.GetInt16(8).ToString(CultureInfo.InvariantCulture), reader.GetInt32(5), reader.GetInt32(6), reader.GetInt32(7),
                reader.GetInt16(9), (ReportFlags)reader.GetInt16(10), reader.IsDBNull(1) ? null : reader.GetInt64(1)));
        }

        return rows;
    }
}
