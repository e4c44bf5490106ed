using Orleans.Concurrency;

namespace Supervision.Contracts.Charts;

/// <summary>The console's charts, read from the aggregate tables the evidence ledger keeps, never from the evidence itself.</summary>
public interface IActivityChartsGrain : IGrainWithIntegerKey
{
    /// <summary>Every minute with study in the last <paramref name="hours"/>, oldest first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<MinuteActivity>> Minutes(int hours);

    /// <summary>Credit a day per class and learning platform over the last <paramref name="days"/> China days, today included.</summary>
    [ReadOnly]
    Task<IReadOnlyList<DailyCredit>> Credit(int days);

    /// <summary>Anomalies a day by kind over the last <paramref name="days"/> China days, today included.</summary>
    [ReadOnly]
    Task<IReadOnlyList<DailyAnomalies>> Anomalies(int days);
}
