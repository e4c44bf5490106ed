namespace Supervision.Contracts.Evidence;

/// <summary>
/// One row of the evidence ledger as the operator reads it; <see cref="Details"/> is a JSON object or null, as stored:
/// <see cref="Supervision.Contracts.Evidence.Details.DetailsJson.ReadEvidence"/> reads it as its kind's record (the JSON crosses grain calls, not the record).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record EvidenceView(
    [property: Id(0)] long Id,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Kind,
    [property: Id(3)] string? ResCode,
    [property: Id(4)] Guid? SessionId,
    [property: Id(5)] string Outcome,
    [property: Id(6)] int Credited,
    [property: Id(7)] string? PlatformCode,
    [property: Id(8)] string? Details);
