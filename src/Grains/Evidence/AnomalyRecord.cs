namespace Supervision.Grains.Evidence;

/// <summary>One anomaly with the numbers that triggered it, as a JSON object.</summary>
public sealed record AnomalyRecord(
    DateTimeOffset At,
    string Kind,
    string? ClassCode,
    string? StudentUserCode,
    string? CardNo,
    string? ResCode,
    Guid? SessionId,
    string DetailsJson);
