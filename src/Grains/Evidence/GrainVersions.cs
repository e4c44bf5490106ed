using Npgsql;
using NpgsqlTypes;

namespace Supervision.Grains.Evidence;

/// <summary>
/// The version check of a group commit: one statement advances, in grain_versions, every grain of the batch whose
/// committed version is still the one its write was drafted on, and stores its evidence chain head with it. A row
/// the statement advanced stays locked until the batch commits, so a write of the same grain from another silo's
/// batch waits, then finds the new version and is refused.
/// </summary>
/// <remarks>
/// The common batch loses no check, so the ledger first sends <see cref="AdvanceAll"/>, which fails (SQL state
/// <see cref="SomeRefused"/>) unless every write advanced, with all the batch's rows in one round trip; only when it
/// fails does it ask <see cref="AdvanceAsync"/> which writes advanced and write theirs.
/// </remarks>
public static class GrainVersions
{
    /// <summary>The SQL state <see cref="AdvanceAll"/> fails with when a write lost its check (700_aggregates_per_writer.sql).</summary>
    public const string SomeRefused = "SV409";

    // Positional parameters ($1…$8): Npgsql sends the text as it is, where named ones have it rewrite the SQL every batch.
    // The common batch advances every grain; the count of advanced rows is a one-time filter on "created", so that
    // batch skips its per-row look-ups of a snapshot version (a third of the statement's time, measured with
    // pg_stat_statements; docs/benchmarks.md).
    private const string Advance =
        """
        WITH w AS (
            SELECT * FROM unnest($1, $2, $3, $4, $5, $6, $7) AS w(kind, key, expected, version, chain_seq, chain_hash, at)),
        advanced AS (
            UPDATE grain_versions g SET version = w.version, chain_seq = w.chain_seq, chain_hash = w.chain_hash, updated_at = w.at
              FROM w
             WHERE g.kind = w.kind AND g.key = w.key AND g.version = w.expected
            RETURNING g.kind, g.key),
        created AS (
            INSERT INTO grain_versions (kind, key, version, chain_seq, chain_hash, updated_at)
            SELECT w.kind, w.key, w.version, w.chain_seq, w.chain_hash, w.at
              FROM w
             WHERE (SELECT count(*) FROM advanced) < cardinality($1)
               AND NOT EXISTS (SELECT 1 FROM advanced a WHERE a.kind = w.kind AND a.key = w.key)
               AND w.expected = coalesce((SELECT s.version FROM grain_state s WHERE s.kind = w.kind AND s.key = w.key), 0)
            ON CONFLICT (kind, key) DO NOTHING
            RETURNING kind, key)
        """;

    /// <summary>
    /// Advances every grain of <paramref name="writes"/> (at most one write per grain), or fails with
    /// <see cref="SomeRefused"/> if any lost its check, which rolls back the transaction it is sent in.
    /// </summary>
    public static NpgsqlBatchCommand AdvanceAll(IReadOnlyList<LedgerWrite> writes)
    {
        var command = new NpgsqlBatchCommand(
            Advance + "SELECT grain_versions_all_advanced((SELECT count(*) FROM advanced) + (SELECT count(*) FROM created), $8)");
        AddSteps(command.Parameters, writes);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = writes.Count });
        return command;
    }

    /// <summary>
    /// Advances the grains of <paramref name="writes"/> (at most one write per grain) and answers those it advanced;
    /// the others lost their check. A grain with no version row yet starts at its snapshot's version, or 0.
    /// </summary>
    public static async Task<HashSet<(string Kind, string Key)>> AdvanceAsync(NpgsqlConnection connection, IReadOnlyList<LedgerWrite> writes)
    {
        await using var command = new NpgsqlCommand(Advance + "SELECT kind, key FROM advanced UNION ALL SELECT kind, key FROM created", connection);
        AddSteps(command.Parameters, writes);
        var advanced = new HashSet<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            advanced.Add((reader.GetString(0), reader.GetString(1)));
        }

        return advanced;
    }

    private static void AddSteps(NpgsqlParameterCollection parameters, IReadOnlyList<LedgerWrite> writes)
    {
        var kinds = new string[writes.Count];
        var keys = new string[writes.Count];
        var expected = new long[writes.Count];
        var versions = new long[writes.Count];
        var seqs = new long[writes.Count];
        var hashes = new byte[]?[writes.Count];
        var times = new DateTime[writes.Count];
        for (var i = 0; i < writes.Count; i++)
        {
            var (step, chain) = (writes[i].Step, writes[i].Chain);
            (kinds[i], keys[i], expected[i], versions[i]) = (step.Kind, step.Key, step.Expected, step.Version);
            (seqs[i], hashes[i], times[i]) = (chain.Seq, chain.Hash, step.At.UtcDateTime);
        }

        parameters.Add(new NpgsqlParameter<string[]> { TypedValue = kinds });
        parameters.Add(new NpgsqlParameter<string[]> { TypedValue = keys });
        parameters.Add(new NpgsqlParameter<long[]> { TypedValue = expected });
        parameters.Add(new NpgsqlParameter<long[]> { TypedValue = versions });
        parameters.Add(new NpgsqlParameter<long[]> { TypedValue = seqs });
        parameters.Add(new NpgsqlParameter<byte[]?[]> { TypedValue = hashes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        parameters.Add(new NpgsqlParameter<DateTime[]> { TypedValue = times, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
    }
}
