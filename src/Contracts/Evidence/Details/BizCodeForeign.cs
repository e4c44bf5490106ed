namespace Supervision.Contracts.Evidence.Details;

/// <summary>A bizCode submitted by another platform, or for another student, class, video or kind of check than it was issued for.</summary>
[StoredAs(AnomalyKind.BizCodeForeign)]
public sealed record BizCodeForeign : CheckAttemptAnomaly;
