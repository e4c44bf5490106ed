namespace Supervision.Grains.Evidence;

/// <summary>
/// What takes a write's draft once the write is committed: a grain's <see cref="LedgeredState{T}"/>. It is told by the
/// commit's awaiter as it reads the outcome (<see cref="LedgerCommit"/>), so on the grain's own turn, and never of a
/// write that failed: the state changes after its commit without an await of its own (issue 24).
/// </summary>
public interface ICommitFollower
{
    void Committed(LedgerWrite write, object draft);
}
