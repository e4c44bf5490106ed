using Supervision.Contracts.Evidence.Details;
using StoredDetails = Supervision.Contracts.Evidence.Details.DetailsJson;

namespace Supervision.Grains.Evidence;

/// <summary>One anomaly with the numbers that triggered it: its record names its kind; where and for whom are set by name.</summary>
public sealed record AnomalyRecord
{
    private AnomalyRecord(DateTimeOffset at, AnomalyDetails details)
    {
        At = at;
        Kind = StoredDetails.KindOf(details);
        DetailsJson = StoredDetails.Write(details);
    }

    public DateTimeOffset At { get; }

    public string Kind { get; }

    public string? ClassCode { get; init; }

    public string? StudentUserCode { get; init; }

    public string? CardNo { get; init; }

    public string? ResCode { get; init; }

    public Guid? SessionId { get; init; }

    public string DetailsJson { get; }

    public static AnomalyRecord Of(DateTimeOffset at, AnomalyDetails details) => new(at, details);
}
