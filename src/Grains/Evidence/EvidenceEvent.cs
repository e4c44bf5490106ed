using Supervision.Contracts.Study;

namespace Supervision.Grains.Evidence;

/// <summary>One row of the evidence ledger: a request, what it changed, and how it was answered.</summary>
public sealed record EvidenceEvent(
    DateTimeOffset At,
    string Kind,
    string? ClassCode,
    string? StudentUserCode,
    string? CardNo,
    string? ResCode,
    Guid? SessionId,
    string Outcome,
    int Credited,
    int? PlayTime,
    int? ProgressTime,
    string? PlatformCode,
    DeviceInfo Device,
    string? DetailsJson = null);
