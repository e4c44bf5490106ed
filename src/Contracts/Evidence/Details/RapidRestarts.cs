namespace Supervision.Contracts.Evidence.Details;

/// <summary>Many startStudy calls within the window.</summary>
[StoredAs(AnomalyKind.RapidRestarts)]
public sealed record RapidRestarts(
    int Starts,
    int WindowSeconds) : AnomalyDetails;
