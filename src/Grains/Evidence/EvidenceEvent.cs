using Supervision.Contracts;
using Supervision.Contracts.Evidence;
using Supervision.Contracts.Evidence.Details;
using Supervision.Contracts.Study;
using StoredDetails = Supervision.Contracts.Evidence.Details.DetailsJson;

namespace Supervision.Grains.Evidence;

/// <summary>
/// One row of the evidence ledger: a request, what it changed, and how it was answered. Made by a factory that says
/// what happened (<see cref="Of"/> for a kind with details, whose record names the kind; one factory for each kind
/// without); where, for whom and how it was answered are set by name.
/// </summary>
public sealed record EvidenceEvent
{
    private EvidenceEvent(DateTimeOffset at, string kind, string? detailsJson)
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

    /// <summary>The returnCode the request was answered with.</summary>
    public string Outcome { get; init; } = ReturnCode.Success;

    /// <summary>
    /// A report's numbers, on the rows of reports made before study_reports held them: no producer sets them, only a
    /// reader of such a row (<see cref="Stored"/>).
    /// </summary>
    public int Credited { get; init; }

    public int? PlayTime { get; init; }

    public int? ProgressTime { get; init; }

    public string? PlatformCode { get; init; }

    public DeviceInfo Device { get; init; } = DeviceInfo.Unknown;

    /// <summary>The details as stored, or null for a kind that has none.</summary>
    public string? DetailsJson { get; }

    /// <summary>A row read back from the ledger as it was stored, whatever its kind's details.</summary>
    public static EvidenceEvent Stored(DateTimeOffset at, string kind, string? detailsJson) => new(at, kind, detailsJson);

    public static EvidenceEvent Of(DateTimeOffset at, EvidenceDetails details) => new(at, StoredDetails.KindOf(details), StoredDetails.Write(details));

    public static EvidenceEvent SessionResumed(DateTimeOffset at) => new(at, EvidenceKind.SessionResume, null);

    public static EvidenceEvent RealNameChecked(DateTimeOffset at) => new(at, EvidenceKind.RealName, null);

    /// <summary>A report from another device than the span's: the request's device headers are the evidence.</summary>
    public static EvidenceEvent ReportDeviceChanged(DateTimeOffset at) => new(at, EvidenceKind.ReportDevice, null);
}
