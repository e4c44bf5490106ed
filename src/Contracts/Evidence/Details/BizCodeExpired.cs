namespace Supervision.Contracts.Evidence.Details;

/// <summary>A bizCode submitted after it expired.</summary>
[StoredAs(AnomalyKind.BizCodeExpired)]
public sealed record BizCodeExpired : CheckAttemptAnomaly;
