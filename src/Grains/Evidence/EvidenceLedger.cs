using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;
using Supervision.Contracts;

namespace Supervision.Grains.Evidence;

/// <summary>
/// Group commit: requests from many grains queue here, and one writer commits whatever has queued as one
/// transaction in one round trip (the version check, evidence, states, aggregates and the grains' own rows through
/// their tables, <see cref="ILedgerTable"/>, each one statement of arrays: <see cref="LedgerStatements"/>), then
/// releases every waiter; the next batch queues meanwhile.
/// Each request still waits for its own commit, so nothing is acknowledged before it is durable, yet the
/// database sees a few large transactions instead of one per request.
/// </summary>
/// <remarks>
/// Each write commits only while its grain's committed version is the one it was drafted on (<see cref="GrainVersions"/>):
/// one that lost the check fails alone with a <see cref="VersionConflictException"/>, and none of its rows are written,
/// while the rest of the batch commits. A batch holds at most one write per grain; another write of the same grain
/// (a second activation's) waits for the next batch, which checks it against the version this one committed. A batch
/// the database refuses for another reason is split in halves, each committed on its own, down to the bad write,
/// which alone fails. docs/write-path.md states the contract.
/// </remarks>
public sealed class EvidenceLedger : IAsyncDisposable
{
    private const int MaxBatch = 1_000;

    /// <summary>
    /// Batches committing at once, each with a connection of its own, while the next forms in the queue. A second
    /// writer paid in paired runs (+27 % to +58 %, issue 24, docs/benchmarks.md): while one batch waits for its commit,
    /// the other's is on its way. Each writer's batches still hold at most one write per grain, and two writes of one
    /// grain in the two writers' batches (only a second activation's) meet on its grain_versions row's lock.
    /// </summary>
    private const int WritersInFlight = 2;

    private readonly Channel<LedgerCommit> queue = Channel.CreateUnbounded<LedgerCommit>(new UnboundedChannelOptions { SingleReader = WritersInFlight == 1 });
    private readonly NpgsqlDataSource dataSource;
    private readonly SupervisionMetrics metrics;
    private readonly ILogger<EvidenceLedger> logger;
    private readonly Task[] writers;

    public EvidenceLedger(NpgsqlDataSource dataSource, SupervisionMetrics metrics, ILogger<EvidenceLedger> logger)
    {
        this.dataSource = dataSource;
        this.metrics = metrics;
        this.logger = logger;
        // Each writer keeps the aggregates' rows of its own, under an id no other writer of any silo is likely to draw
        // (0 is the rows kept before there were writers' rows).
        writers = Enumerable.Range(0, WritersInFlight).Select(_ => Random.Shared.Next(1, int.MaxValue)).Select(id => Task.Run(() => WriteLoopAsync(id))).ToArray();
    }

    /// <summary>
    /// Completes once the write is committed; throws <see cref="VersionConflictException"/> if its grain's version
    /// had moved on, or the database's fault if its transaction failed. Await it once: a <paramref name="follower"/>
    /// takes its <paramref name="draft"/> as the await reads a committed outcome.
    /// </summary>
    public ValueTask CommitAsync(LedgerWrite write, ICommitFollower? follower = null, object? draft = null)
    {
        var pending = LedgerCommit.For(write, follower, draft);
        var done = pending.Done;
        if (!queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(EvidenceLedger));
        }

        return done;
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await Task.WhenAll(writers);
    }

    private async Task WriteLoopAsync(int writer)
    {
        // One writer's lists serve all its batches: a batch's lists are not kept past its commit.
        var batch = new List<LedgerCommit>();
        var deferred = new List<LedgerCommit>();
        var next = new List<LedgerCommit>();
        var grains = new HashSet<(string, string)>();
        while (deferred.Count > 0 || await queue.Reader.WaitToReadAsync())
        {
            foreach (var pending in deferred)
            {
                (grains.Add((pending.Write.Step.Kind, pending.Write.Step.Key)) ? batch : next).Add(pending);
            }

            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var pending))
            {
                (grains.Add((pending.Write.Step.Kind, pending.Write.Step.Key)) ? batch : next).Add(pending);
            }

            (deferred, next) = (next, deferred);
            next.Clear();
            await CommitOrSplitAsync(batch, writer);
            batch.Clear();
            grains.Clear();
        }
    }

    private async Task CommitOrSplitAsync(List<LedgerCommit> batch, int writer)
    {
        var started = Stopwatch.GetTimestamp();
        HashSet<(string Kind, string Key)>? advanced;
        try
        {
            advanced = await WriteBatchAsync(batch, writer);
        }
        catch (Exception e) when (batch.Count > 1 && !IsUnreachable(e))
        {
            logger.LogWarning(e, "Evidence batch of {Count} writes was refused; committing its halves apart to find the bad write", batch.Count);
            var half = batch.Count / 2;
            await CommitOrSplitAsync(batch[..half], writer);
            await CommitOrSplitAsync(batch[half..], writer);
            return;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Evidence batch of {Count} writes failed; every request in it is answered as failed", batch.Count);
            foreach (var pending in batch)
            {
                pending.Failed(e);
            }

            return;
        }

        var took = Stopwatch.GetElapsedTime(started);
        var committed = 0;
        foreach (var pending in batch)
        {
            var step = pending.Write.Step;
            if (advanced is null || advanced.Contains((step.Kind, step.Key)))
            {
                // Counted before its waiter hears of it, as a pooled commit forgets its write once answered.
                metrics.Count(pending.Write);
                pending.Committed();
                committed++;
            }
            else
            {
                logger.LogWarning("A write of {Kind} {Key} drafted on version {Expected} was refused: another activation committed first", step.Kind, step.Key, step.Expected);
                pending.Failed(new VersionConflictException($"{step.Kind}: version {step.Expected} is no longer the committed one"));
            }
        }

        metrics.Batch(committed, took);
    }

    /// <summary>
    /// The database could not be reached (or the answer to a commit was lost): every write of the batch would fail
    /// alike, so it is not split; each request is answered as failed, and its grain reloads what was stored.
    /// </summary>
    private static bool IsUnreachable(Exception e) =>
        e is NpgsqlException and not PostgresException || e is System.Net.Sockets.SocketException or TimeoutException;

    /// <summary>
    /// Writes the batch's writes that pass their version check, and answers the grains they advanced, or null when all
    /// did. The common batch, whose every write passes, is one round trip: the check and every row in one statement
    /// batch, one implicit transaction, which the check fails if a write lost it; only then does a second transaction
    /// ask which writes passed and write theirs.
    /// </summary>
    private async Task<HashSet<(string Kind, string Key)>?> WriteBatchAsync(List<LedgerCommit> batch, int writer)
    {
        var writes = batch.ConvertAll(p => p.Write);
        await using var connection = await dataSource.OpenConnectionAsync();
        try
        {
            await using var whole = connection.CreateBatch();
            whole.BatchCommands.Add(GrainVersions.AdvanceAll(writes));
            var tables = LedgerStatements.Add(whole, writes, writer);
            await whole.ExecuteNonQueryAsync();
            tables.ForEach(t => t.Committed());
            return null;
        }
        catch (PostgresException e) when (e.SqlState == GrainVersions.SomeRefused)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            var advanced = await GrainVersions.AdvanceAsync(connection, writes);
            await using var rest = new NpgsqlBatch(connection, transaction);
            var tables = LedgerStatements.Add(rest, writes.FindAll(w => advanced.Contains((w.Step.Kind, w.Step.Key))), writer);
            if (rest.BatchCommands.Count > 0)
            {
                await rest.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
            tables.ForEach(t => t.Committed());
            return advanced;
        }
    }
}
