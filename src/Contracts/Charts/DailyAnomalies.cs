namespace Supervision.Contracts.Charts;

/// <summary>How many anomalies of one kind were raised on one China day.</summary>
[GenerateSerializer, Immutable]
public sealed record DailyAnomalies([property: Id(0)] DateOnly Day, [property: Id(1)] string Kind, [property: Id(2)] int Count);
