using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Supervision.Contracts;
using Supervision.Database;
using Supervision.EvidenceChain;
using Supervision.Grains.Study;

namespace Supervision.Grains.Evidence;

/// <summary>
/// Seals each China day's evidence once it is over (docs/evidence-export.md): the heads of the chains that changed
/// that day, grouped by class, become the leaves of a Merkle tree whose root is signed with the seal key together
/// with the previous seal's hash. Any silo may run it on its periodic work; an advisory lock and the day's primary key
/// make each day sealed exactly once across silos, and days missed while no silo ran are sealed in order after.
/// </summary>
public sealed class EvidenceSealer(
    NpgsqlDataSource dataSource,
    SealKey key,
    [FromKeyedServices(ClockKey.Name)] TimeProvider time,
    IOptions<EvidenceSealOptions> options,
    ILogger<EvidenceSealer> logger) : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    /// <summary>Serialises sealing across silos: arbitrary, fixed ("SEALS").</summary>
    private const long SealLockId = 0x53_4541_4C53;
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private readonly PeriodicWork sealing = new(time, logger, "Evidence seals could not be made");

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(EvidenceSealer), ServiceLifecycleStage.Active, StartAsync, sealing.StopAsync);

    /// <summary>The first instant of a China day, in UTC.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaOffset).ToUniversalTime();

    /// <summary>Seals every day that is over (and its grace passed) and not sealed yet; answers the days it sealed.</summary>
    public async Task<IReadOnlyList<DateOnly>> SealDueAsync(CancellationToken cancellationToken = default)
    {
        var lastDue = ChinaTime.DayOf(time.GetUtcNow() - options.Value.SealGrace).AddDays(-1);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockSeals = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({SealLockId})", connection, transaction))
        {
            await lockSeals.ExecuteNonQueryAsync(cancellationToken);
        }

        var (next, previous) = await NextDayAsync(connection, transaction, cancellationToken);
        var sealedDays = new List<DateOnly>();
        for (var day = next; day is { } d && d <= lastDue; day = d.AddDays(1))
        {
            previous = await SealAsync(connection, transaction, d, previous, cancellationToken);
            sealedDays.Add(d);
        }

        await transaction.CommitAsync(cancellationToken);
        if (sealedDays.Count > 0)
        {
            logger.LogInformation("Evidence sealed for {Days} with key {Fingerprint}", string.Join(", ", sealedDays), key.Fingerprint);
        }

        return sealedDays;
    }

    public void Dispose() => sealing.Dispose();

    private Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Evidence seal key fingerprint (SHA-256 of its public key): {Fingerprint}", key.Fingerprint);
        sealing.Start(options.Value.SealInterval, SealDueAsync);
        return Task.CompletedTask;
    }

    /// <summary>The day after the last seal, or the first day with chained evidence when nothing was sealed yet.</summary>
    private static async Task<(DateOnly? Day, byte[]? Previous)> NextDayAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using (var last = new NpgsqlCommand("SELECT day, hash FROM evidence_seals ORDER BY day DESC LIMIT 1", connection, transaction))
        await using (var reader = await last.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                return (reader.GetFieldValue<DateOnly>(0).AddDays(1), (byte[])reader[1]);
            }
        }

        await using var first = new NpgsqlCommand(
            """
            SELECT least((SELECT min(at) FROM evidence_events WHERE chain IS NOT NULL),
                         (SELECT min(at) FROM anomalies WHERE chain IS NOT NULL))
            """, connection, transaction);
        return (await first.ExecuteScalarAsync(cancellationToken) is DateTime at ? ChinaTime.DayOf(new DateTimeOffset(at, TimeSpan.Zero)) : null, null);
    }

    private async Task<byte[]> SealAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DateOnly day, byte[]? previous, CancellationToken cancellationToken)
    {
        var from = StartOf(day);
        var to = StartOf(day.AddDays(1));
        var groups = await GroupsAsync(connection, transaction, day, from, to, cancellationToken);
        var leaves = groups.ConvertAll(g => MerkleTree.LeafHash(g.Leaf));
        var sealedAt = time.GetUtcNow();
        var body = new CanonicalJsonWriter().StartObject()
            .Name("day").String(Day(day))
            .Name("from").String(EvidenceTime.Format(from))
            .Name("groups").Number(groups.Count)
            .Name("key").String(key.Fingerprint)
            .Name("previous").String(previous is null ? null : ChainHash.Hex(previous))
            .Name("root").String(ChainHash.Hex(MerkleTree.Root(leaves)))
            .Name("sealed_at").String(EvidenceTime.Format(sealedAt))
            .Name("to").String(EvidenceTime.Format(to))
            .Name("version").Number(1)
            .EndObject().ToArray();
        var hash = SHA256.HashData(body);

        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO evidence_seals (day, body, hash, signature, public_key, sealed_at) VALUES (@day, @body, @hash, @signature, @key, @at);
            INSERT INTO evidence_seal_groups (day, class_code, leaf_index, leaf)
            SELECT @day, * FROM unnest(@classes, @indexes, @leaves);
            """, connection, transaction);
        insert.Parameters.AddWithValue("day", day);
        insert.Parameters.AddWithValue("body", System.Text.Encoding.UTF8.GetString(body));
        insert.Parameters.AddWithValue("hash", hash);
        insert.Parameters.AddWithValue("signature", key.Sign(body));
        insert.Parameters.AddWithValue("key", key.PublicKey);
        insert.Parameters.AddWithValue("at", EvidenceTime.Truncate(sealedAt));
        insert.Parameters.Add(new NpgsqlParameter<string[]>("classes", groups.Select(g => g.ClassCode).ToArray()));
        insert.Parameters.Add(new NpgsqlParameter<int[]>("indexes", Enumerable.Range(0, groups.Count).ToArray()));
        insert.Parameters.Add(new NpgsqlParameter<string[]>("leaves", groups.Select(g => System.Text.Encoding.UTF8.GetString(g.Leaf)).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await insert.ExecuteNonQueryAsync(cancellationToken);
        return hash;
    }

    /// <summary>
    /// The day's groups in tree order (by class code): for each class, the last record of the day of each chain that
    /// wrote the class's records that day. Reports are found by the day's spans, each span's chain by its start.
    /// </summary>
    private static async Task<List<(string ClassCode, byte[] Leaf)>> GroupsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, DateOnly day, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            WITH report_heads AS (
                SELECT DISTINCT ON (session_id) session_id, chain_seq, chain_hash FROM study_reports
                WHERE chain_seq IS NOT NULL AND at >= @from AND at < @to
                ORDER BY session_id, chain_seq DESC),
            linked AS (
                SELECT chain, class_code, chain_seq, chain_hash FROM evidence_events WHERE chain IS NOT NULL AND at >= @from AND at < @to
                UNION ALL
                SELECT chain, class_code, chain_seq, chain_hash FROM anomalies WHERE chain IS NOT NULL AND at >= @from AND at < @to
                UNION ALL
                SELECT s.chain, s.class_code, h.chain_seq, h.chain_hash FROM report_heads h
                CROSS JOIN LATERAL (SELECT {ReportChain.OfSessionStart} AS chain, e.class_code FROM evidence_events e
                                    WHERE e.session_id = h.session_id AND e.kind = 'session_start' ORDER BY e.at, e.id LIMIT 1) s)
            SELECT DISTINCT ON (coalesce(class_code, ''), chain) coalesce(class_code, ''), chain, chain_seq, chain_hash
            FROM linked ORDER BY coalesce(class_code, ''), chain, chain_seq DESC
            """, connection, transaction);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        var heads = new List<(string ClassCode, string Chain, long Seq, byte[] Hash)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                heads.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2), (byte[])reader[3]));
            }
        }

        return heads.GroupBy(h => h.ClassCode).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, SealLeaf.Of(g.Key, Day(day), g.OrderBy(h => h.Chain, StringComparer.Ordinal).Select(h => (h.Chain, h.Seq, h.Hash)))))
            .ToList();
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
