using Npgsql;

namespace Supervision.Grains.Evidence;

/// <summary>
/// Reads a grain's last committed state: its version and chain head in grain_versions and its snapshot in grain_state
/// (the ledger writes both). The changes committed between the two are in the grain's own rows.
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
}
