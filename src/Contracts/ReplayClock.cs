namespace Supervision.Contracts;

/// <summary>
/// A clock that replays a stretch of the past at a multiple of real speed and then follows the real clock: how the demo
/// gives the console a day of history through the public API, credited by the server's own clock as any day is. It
/// never runs backwards: the stretch ends before the clock is made, so the jump to the real time is forwards.
/// </summary>
/// <remarks>
/// For a single-process demo server only (scripts/demo.sh): every process of a cluster would replay from its own start.
/// Timers keep real durations (they run on the unkeyed clock, <see cref="ClockKey"/>).
/// </remarks>
public sealed class ReplayClock : TimeProvider
{
    private readonly TimeProvider real;
    private readonly DateTimeOffset startedAt;

    public ReplayClock(TimeProvider real, ReplayClockSettings settings)
    {
        if (!settings.IsValidAt(real.GetUtcNow()))
        {
            throw new ArgumentException(ReplayClockSettings.Rule, nameof(settings));
        }

        this.real = real;
        Settings = settings;
        startedAt = real.GetUtcNow();
    }

    public ReplayClockSettings Settings { get; }

    /// <summary>Whether the stretch is still being replayed.</summary>
    public bool Replaying => Replayed < Settings.ReplayLength;

    public override DateTimeOffset GetUtcNow() => Replayed is var replayed && replayed < Settings.ReplayLength ? Settings.ReplayFrom!.Value + replayed : real.GetUtcNow();

    private TimeSpan Replayed => (real.GetUtcNow() - startedAt) * Settings.ReplaySpeed;
}
