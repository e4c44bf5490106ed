using System.Globalization;
using Npgsql;

namespace Supervision.Grains.Evidence;

/// <summary>
/// Reads a grain's last committed state: its version and chain head in grain_versions, its snapshot in grain_state,
/// and the report rows committed between the two (the ledger writes all three).
/// </summary>
public sealed class GrainStates(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// The grain as committed, or null if nothing ever was. A state with no version row (moved to a new key by a
    /// code migration) is committed at its snapshot's version.
    /// </summary>
    public async Task<StoredGrain?> LoadAsync(string kind, string key)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT coalesce(v.version, s.version), coalesce(v.chain_seq, 0), v.chain_hash, coalesce(s.version, 0), s.payload
            FROM (SELECT @kind AS kind, @key AS key) k
            LEFT JOIN grain_versions v ON v.kind = k.kind AND v.key = k.key
            LEFT JOIN grain_state s ON s.kind = k.kind AND s.key = k.key
            WHERE v.version IS NOT NULL OR s.version IS NOT NULL
            """);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("key", key);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }

        var chain = new ChainHead(reader.GetInt64(1), reader.IsDBNull(2) ? null : (byte[])reader[2]);
        return new StoredGrain(reader.GetInt64(0), chain, reader.GetInt64(3), reader.IsDBNull(4) ? null : (byte[])reader[4]);
    }

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
