using System.Globalization;
using Npgsql;

namespace Supervision.Grains.Evidence;

/// <summary>
/// Reads a grain's last committed state: its snapshot in grain_state, and the report rows committed after it
/// (the ledger writes both).
/// </summary>
public sealed class GrainStates(NpgsqlDataSource dataSource)
{
    public async Task<(long Version, byte[] Payload)?> LoadAsync(string kind, string key)
    {
        await using var command = dataSource.CreateCommand("SELECT version, payload FROM grain_state WHERE kind = @kind AND key = @key");
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("key", key);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetInt64(0), (byte[])reader[1]) : null;
    }

    /// <summary>The reports of one span committed after <paramref name="afterVersion"/>, in the order they were made.</summary>
    public async Task<IReadOnlyList<ReportRow>> ReportsAfterAsync(Guid sessionId, long afterVersion)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT at, client_timestamp, version, play_time, progress_time, credited, accepted, bank, outcome, past_due, flags
            FROM study_reports WHERE session_id = @session AND version > @after ORDER BY version
            """);
        command.Parameters.AddWithValue("session", sessionId);
        command.Parameters.AddWithValue("after", (int)afterVersion);
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
