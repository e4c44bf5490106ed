namespace Supervision.DemoPopulation;

/// <summary>
/// The time the demo's learners live in: the real clock (waits are delays, and learners act at once, as people do); the
/// server's clock replaying a past day (<see cref="FollowedReplay"/>: waits are delays shortened by its speed); or a test's
/// simulated clock that <paramref name="advance"/> moves (waits move it, and learners take turns, since every wait would
/// move everyone's clock).
/// </summary>
public sealed class DemoClock(TimeProvider time, Func<TimeSpan, Task>? advance = null)
{
    public static DemoClock Real { get; } = new(TimeProvider.System);

    public bool IsSimulated => advance is not null;

    /// <summary>Whether the clock is still replaying a past day, faster than real time.</summary>
    public bool Replaying => time is FollowedReplay { Replaying: true };

    /// <summary>Where the replayed day ends (the clock then jumps to the real time); null when nothing is replayed.</summary>
    public DateTimeOffset? ReplayEnd => (time as FollowedReplay)?.End;

    public DateTimeOffset Now => time.GetUtcNow();

    public Task WaitAsync(TimeSpan span, CancellationToken cancellationToken = default) =>
        advance is not null ? advance(span)
        : time is FollowedReplay { Replaying: true } replay ? Task.Delay(span / replay.Speed, cancellationToken)
        : Task.Delay(span, cancellationToken);

    /// <summary>Runs <paramref name="act"/> for each item: sixteen at a time on the real clock, one after another on a simulated one.</summary>
    public async Task ForEachAsync<T>(IEnumerable<T> items, Func<T, Task> act)
    {
        if (IsSimulated)
        {
            foreach (var item in items)
                await act(item);
            return;
        }

        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (item, _) => await act(item));
    }
}
