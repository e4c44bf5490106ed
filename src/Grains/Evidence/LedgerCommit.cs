using System.Collections.Concurrent;
using System.Threading.Tasks.Sources;

namespace Supervision.Grains.Evidence;

/// <summary>
/// One write waiting in the <see cref="EvidenceLedger"/>'s queue and the completion its grain awaits: reused from a
/// pool once its grain has read the outcome, so that a commit costs the hot path no task, no completion source and no
/// closure (issue 24).
/// </summary>
/// <remarks>
/// The grain awaits on its activation's scheduler, where the continuation is posted either way; an await outside any
/// scheduler (a test's) runs on the thread pool too, never inline on the ledger's writer, which must not wait for it.
/// A commit may carry its grain's state (<see cref="ICommitFollower"/>) and draft: the awaiter, reading a committed
/// outcome, hands the state its draft, in the awaiter's turn.
/// </remarks>
public sealed class LedgerCommit : IValueTaskSource
{
    private const int PoolLimit = 4_096;
    private static readonly ConcurrentQueue<LedgerCommit> Pool = new();
    private static int pooled;

    private ManualResetValueTaskSourceCore<bool> core = new() { RunContinuationsAsynchronously = true };

    private LedgerCommit()
    {
    }

    public LedgerWrite Write { get; private set; } = null!;

    private ICommitFollower? follower;
    private object? draft;

    /// <summary>What the grain awaits: completes once the write is committed, or throws why it was not.</summary>
    public ValueTask Done => new(this, core.Version);

    public static LedgerCommit For(LedgerWrite write, ICommitFollower? follower = null, object? draft = null)
    {
        if (Pool.TryDequeue(out var commit))
        {
            Interlocked.Decrement(ref pooled);
        }
        else
        {
            commit = new LedgerCommit();
        }

        commit.Write = write;
        (commit.follower, commit.draft) = (follower, draft);
        return commit;
    }

    public void Committed() => core.SetResult(true);

    public void Failed(Exception fault) => core.SetException(fault);

    void IValueTaskSource.GetResult(short token)
    {
        var (write, follower, draft) = (Write, this.follower, this.draft);
        try
        {
            core.GetResult(token);
        }
        finally
        {
            Return();
        }

        follower?.Committed(write, draft!);
    }

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => core.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        core.OnCompleted(continuation, state, token, flags);

    private void Return()
    {
        Write = null!;
        (follower, draft) = (null, null);
        core.Reset();
        if (Interlocked.Increment(ref pooled) <= PoolLimit)
        {
            Pool.Enqueue(this);
        }
        else
        {
            Interlocked.Decrement(ref pooled);
        }
    }
}
