using System.Globalization;

namespace Supervision.Database.Partitions;

/// <summary>
/// A calendar month in China Standard Time (UTC+8, no daylight saving): the unit evidence is partitioned, archived
/// and restored by. China's months, because the regulator audits China's months and the daily limits count China's days.
/// </summary>
public readonly record struct EvidenceMonth : IComparable<EvidenceMonth>
{
    public EvidenceMonth(int year, int month)
    {
        // Year 9998 at most, so the month after any month still has a start.
        if (year is < 2000 or > 9998 || month is < 1 or > 12)
            throw new ArgumentOutOfRangeException(nameof(month), $"{year:D4}-{month:D2} is not a month from 2000-01 to 9998-12.");
        Year = year;
        Month = month;
    }

    public int Year { get; }

    public int Month { get; }

    /// <summary>The first instant of the month (inclusive), in UTC.</summary>
    public DateTimeOffset Start => new DateTimeOffset(Year, Month, 1, 0, 0, 0, ChinaTime.Offset).ToUniversalTime();

    /// <summary>The first instant of the next month (exclusive), in UTC.</summary>
    public DateTimeOffset End => AddMonths(1).Start;

    public static EvidenceMonth Of(DateTimeOffset instant)
    {
        var local = ChinaTime.Of(instant);
        return new EvidenceMonth(local.Year, local.Month);
    }

    /// <summary>Reads a month written yyyy-MM, as operators type it.</summary>
    public static EvidenceMonth Parse(string? text) =>
        text is { Length: 7 } && text[4] == '-'
        && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
        && int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
        && year is >= 2000 and <= 9998 && month is >= 1 and <= 12
            ? new EvidenceMonth(year, month)
            : throw new FormatException($"'{text}' is not a month: write it yyyy-MM, for example 2026-03.");

    public EvidenceMonth AddMonths(int months)
    {
        var index = Year * 12 + Month - 1 + months;
        return new EvidenceMonth(index / 12, index % 12 + 1);
    }

    /// <summary>How many months this one is after <paramref name="earlier"/> (negative when it is before).</summary>
    public int MonthsAfter(EvidenceMonth earlier) => (Year - earlier.Year) * 12 + Month - earlier.Month;

    /// <summary>The name of <paramref name="table"/>'s partition for this month, e.g. evidence_events_2026_03.</summary>
    public string PartitionOf(string table) => $"{PartitionedTables.Require(table)}_{Year:D4}_{Month:D2}";

    public int CompareTo(EvidenceMonth other) => Math.Sign(MonthsAfter(other));

    public static bool operator <(EvidenceMonth left, EvidenceMonth right) => left.CompareTo(right) < 0;

    public static bool operator >(EvidenceMonth left, EvidenceMonth right) => left.CompareTo(right) > 0;

    public static bool operator <=(EvidenceMonth left, EvidenceMonth right) => left.CompareTo(right) <= 0;

    public static bool operator >=(EvidenceMonth left, EvidenceMonth right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{Year:D4}-{Month:D2}";
}
