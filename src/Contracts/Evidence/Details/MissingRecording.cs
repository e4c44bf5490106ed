namespace Supervision.Contracts.Evidence.Details;

/// <summary>A span of a class that asks for recordings ended without one.</summary>
[StoredAs(AnomalyKind.MissingRecording)]
public sealed record MissingRecording(
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt) : AnomalyDetails;
