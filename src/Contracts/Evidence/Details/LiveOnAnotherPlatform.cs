namespace Supervision.Contracts.Evidence.Details;

/// <summary>A start refused: the live study on another learning platform; the same details as the refused session_start.</summary>
[StoredAs(AnomalyKind.LiveOnAnotherPlatform)]
public sealed record LiveOnAnotherPlatform(
    string OtherClassCode,
    string OtherPlatformCode,
    DateTimeOffset OtherStartedAt) : AnomalyDetails;
