namespace Supervision.Grains.Study;

/// <summary>Daily limits count calendar days in China Standard Time (UTC+8, no daylight saving).</summary>
public static class ChinaDay
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Of(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);
}
