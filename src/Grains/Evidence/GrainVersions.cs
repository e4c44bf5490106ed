using Npgsql;
using NpgsqlTypes;

namespace Supervision.Grains.Evidence;

/// <summary>
/// The version check of a group commit: one statement advances, in grain_versions, every grain of the batch whose
/// committed version is still the one its write was drafted on, and stores its evidence chain head with it. A row
/// the statement advanced stays locked until the batch commits, so a write of the same grain from another silo's
/// batch waits, then finds the new version and is refused.
/// </summary>
public static class GrainVersions
{
    /// <summary>
    /// Advances the grains of <paramref name="writes"/> (at most one write per grain) and answers those it advanced;
    /// the others lost their check. A grain with no version row yet starts at its snapshot's version, or 0.
    /// </summary>
    public static async Task<HashSet<(string Kind, string Key)>> AdvanceAsync(NpgsqlConnection connection, IReadOnlyList<LedgerWrite> writes)
    {
        await using var command = new NpgsqlCommand(
            """
            WITH w AS (
                SELECT * FROM unnest(@kinds, @keys, @expected, @versions, @seqs, @hashes, @times) AS w(kind, key, expected, version, chain_seq, chain_hash, at)),
            advanced AS (
                UPDATE grain_versions g SET version = w.version, chain_seq = w.chain_seq, chain_hash = w.chain_hash, updated_at = w.at
                  FROM w
                 WHERE g.kind = w.kind AND g.key = w.key AND g.version = w.expected
                RETURNING g.kind, g.key),
            created AS (
                INSERT INTO grain_versions (kind, key, version, chain_seq, chain_hash, updated_at)
                SELECT w.kind, w.key, w.version, w.chain_seq, w.chain_hash, w.at
                  FROM w
                 WHERE NOT EXISTS (SELECT 1 FROM advanced a WHERE a.kind = w.kind AND a.key = w.key)
                   AND w.expected = coalesce((SELECT s.version FROM grain_state s WHERE s.kind = w.kind AND s.key = w.key), 0)
                ON CONFLICT (kind, key) DO NOTHING
                RETURNING kind, key)
            SELECT kind, key FROM advanced UNION ALL SELECT kind, key FROM created
            """, connection);
        var steps = writes.Select(w => w.Step).ToList();
        command.Parameters.Add(new NpgsqlParameter<string[]>("kinds", steps.Select(s => s.Kind).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("keys", steps.Select(s => s.Key).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<long[]>("expected", steps.Select(s => s.Expected).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<long[]>("versions", steps.Select(s => s.Version).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<long[]>("seqs", writes.Select(w => w.Chain.Seq).ToArray()));
        command.Parameters.Add(new NpgsqlParameter("hashes", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = writes.Select(w => (object?)w.Chain.Hash ?? DBNull.Value).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<DateTime[]>("times", steps.Select(s => s.At.UtcDateTime).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        var advanced = new HashSet<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            advanced.Add((reader.GetString(0), reader.GetString(1)));
        }

        return advanced;
    }
}
