using Supervision.Database.Partitions;

namespace Supervision.EvidenceArchive;

/// <summary>
/// Which months may leave the database: only those at least <see cref="OnlineMonths"/> months before the current
/// one, so the current month (still being written) and the recent ones the regulator queries online stay.
/// </summary>
public sealed record RetentionRule(int OnlineMonths)
{
    /// <summary>A year and the current month online: last year's same month is still one query away.</summary>
    public const int DefaultOnlineMonths = 12;

    public const string Setting = "SUPERVISION_EVIDENCE_ONLINE_MONTHS";

    public static RetentionRule From(string? text) =>
        text is null ? new RetentionRule(DefaultOnlineMonths)
        : int.TryParse(text, out var months) && months is >= 1 and <= 1200 ? new RetentionRule(months)
        : throw new FormatException($"online months '{text}' is not a whole number from 1 to 1200.");

    public void Allow(EvidenceMonth month, EvidenceMonth current)
    {
        if (month >= current)
            throw new ArchiveRefusedException(month == current
                ? $"{month} is the current month: its evidence is still being written."
                : $"{month} has not ended yet.");
        if (current.MonthsAfter(month) < OnlineMonths)
            throw new ArchiveRefusedException(
                $"{month} is younger than the retention rule allows: evidence stays online for {OnlineMonths} months, so {current.AddMonths(-OnlineMonths)} is the newest month that may be archived.");
    }
}
