namespace Supervision.Grains.Study;

/// <summary>
/// A moment held as its UTC ticks, 0 for none: 8 bytes where a <see cref="DateTimeOffset"/>? takes 24. The state keeps
/// its moments so in memory; it stores and shows them as they always were (<see cref="DateTimeOffset"/>, UTC).
/// </summary>
public static class UtcTicks
{
    public static long Of(DateTimeOffset? at) => at?.UtcTicks ?? 0;

    public static DateTimeOffset? At(long ticks) => ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);

    public static DateTimeOffset Always(long ticks) => new(ticks, TimeSpan.Zero);
}
