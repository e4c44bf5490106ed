namespace Supervision.Contracts.Evidence.Details;

/// <summary>A bizCode used again after it was passed or spent.</summary>
[StoredAs(AnomalyKind.BizCodeReplayed)]
public sealed record BizCodeReplayed : CheckAttemptAnomaly;
