namespace Supervision.Database;

/// <summary>
/// China Standard Time (UTC+8, no daylight saving), the one definition: daily limits count China's days, evidence
/// is partitioned by China's months, and the operator reads times in it.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The instant as a China wall-clock time.</summary>
    public static DateTimeOffset Of(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The China calendar day the instant falls on.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(Of(instant).DateTime);
}
