using Supervision.Contracts.Evidence.Details;
using StoredDetails = Supervision.Contracts.Evidence.Details.DetailsJson;

namespace Supervision.Grains.Evidence;

/// <summary>One anomaly with the numbers that triggered it: its record names its kind; where and for whom are set by name.</summary>
public sealed record AnomalyRecord
{
    private AnomalyRecord(DateTimeOffset at, string kind, string detailsJson)
    {
        At = at;
        Kind = kind;
        DetailsJson = detailsJson;
    }

    /// <summary>When it happened; the chain truncates it to the microsecond the database keeps.</summary>
    public DateTimeOffset At { get; init; }

    public string Kind { get; }

    public string? ClassCode { get; init; }

    public string? StudentUserCode { get; init; }

    public string? CardNo { get; init; }

    public string? ResCode { get; init; }

    public Guid? SessionId { get; init; }

    public string DetailsJson { get; }

    public static AnomalyRecord Of(DateTimeOffset at, AnomalyDetails details) => new(at, StoredDetails.KindOf(details), StoredDetails.Write(details));

    /// <summary>A row read back from the ledger as it was stored, whatever its kind's details.</summary>
    public static AnomalyRecord Stored(DateTimeOffset at, string kind, string detailsJson) => new(at, kind, detailsJson);
}
