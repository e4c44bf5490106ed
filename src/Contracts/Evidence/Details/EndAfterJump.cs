namespace Supervision.Contracts.Evidence.Details;

/// <summary>endStudy straight after a jump: where the jump landed, and when.</summary>
[StoredAs(AnomalyKind.EndAfterJump)]
public sealed record EndAfterJump(
    int? LastPlayTime,
    DateTimeOffset? LastReportAt) : AnomalyDetails;
