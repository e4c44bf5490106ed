namespace Supervision.Contracts;

/// <summary>
/// <c>Supervision:Clock</c>: the stretch of the past a demo server replays (<see cref="ReplayClock"/>), from
/// <see cref="From"/> for <see cref="Length"/> at <see cref="Speed"/> times real speed. Unset, the clock is the real one.
/// </summary>
public sealed class ReplayClockSettings
{
    public const string Section = "Supervision:Clock";
    public const string Rule = "Supervision:Clock: ReplayLength must be above zero, ReplaySpeed from 1 to 3600, and ReplayFrom + ReplayLength in the past";

    public DateTimeOffset? ReplayFrom { get; set; }

    public TimeSpan ReplayLength { get; set; } = TimeSpan.FromHours(10);

    public double ReplaySpeed { get; set; } = 60;

    public bool IsValidAt(DateTimeOffset now) =>
        ReplayFrom is { } from && ReplayLength > TimeSpan.Zero && ReplaySpeed is >= 1 and <= 3600 && from + ReplayLength <= now;
}
