namespace Supervision.Contracts.Evidence.Details;

/// <summary>The same person started in another class while this study was live.</summary>
[StoredAs(AnomalyKind.ConcurrentSession)]
public sealed record ConcurrentSession(
    string OtherClassCode,
    DateTimeOffset OtherStartedAt,
    DateTimeOffset LastActiveAt) : AnomalyDetails;
