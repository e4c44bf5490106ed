using Orleans.Concurrency;

namespace Supervision.Contracts.Charts;

/// <summary>The console's charts, read from the aggregate tables the evidence ledger keeps, never from the evidence itself.</summary>
public interface IActivityChartsGrain : IGrainWithIntegerKey
{
    /// <summary>Every minute with study from <paramref name="since"/>, oldest first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<MinuteActivity>> Minutes(DateTimeOffset since);

    /// <summary>Credit a day per class and learning platform, from China day <paramref name="firstDay"/>.</summary>
    [ReadOnly]
    Task<IReadOnlyList<DailyCredit>> Credit(DateOnly firstDay);

    /// <summary>Anomalies a day by kind, from China day <paramref name="firstDay"/>.</summary>
    [ReadOnly]
    Task<IReadOnlyList<DailyAnomalies>> Anomalies(DateOnly firstDay);
}
