namespace Supervision.Grains.Crowds;

/// <summary>Settings of the crowd analysis (configuration section "Supervision:Crowds"; docs/study-rules.md "Crowds").</summary>
public sealed class CrowdOptions
{
    public const string Section = "Supervision:Crowds";

    /// <summary>How often each silo asks for a sweep on the supervision clock; zero turns the periodic sweep off.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The reports each sweep reads: the last this many minutes.</summary>
    public TimeSpan Lookback { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The check answers each sweep reads, at least <see cref="Lookback"/>: checks are rarer than reports (the default
    /// policy asks for one an hour), and two coinciding answers are needed, so answers are looked for further back.
    /// </summary>
    public TimeSpan AnswerLookback { get; set; } = TimeSpan.FromHours(3);

    /// <summary>How close two events' arrivals (server time) must be to coincide: a script fires its accounts' requests within milliseconds.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Reports two people's accounts must share (within the window: device, progressTime, playTime and its step) to move together.</summary>
    public int MinCoincidences { get; set; } = 12;

    /// <summary>Check answers two people's accounts must share (within the window: device, videoStudyTime) to move together.</summary>
    public int MinAnswerCoincidences { get; set; } = 2;

    /// <summary>People (different ID numbers) that must move together to be a crowd.</summary>
    public int MinPeople { get; set; } = 3;

    /// <summary>
    /// Pairs of accounts a sweep tallies at most. A crowd of k accounts in lockstep is k·(k−1)/2 pairs (5,000 accounts:
    /// 12.5 million, gigabytes of tallies), so past this bound a sweep passes over events of pairs it has not tallied
    /// yet, flags the crowd among those it has, and says in the log how many events it passed over. About 200 B a pair.
    /// </summary>
    public int MaxPairs { get; set; } = 500_000;

    public bool IsValid => Interval >= TimeSpan.Zero && Lookback > Contracts.Study.CrowdFlag.MinimumSpan && AnswerLookback >= Lookback && Window > TimeSpan.Zero && Window < TimeSpan.FromSeconds(1)
        && MinCoincidences >= 2 && MinAnswerCoincidences >= 1 && MinPeople >= 2 && MaxPairs >= 1;
}
