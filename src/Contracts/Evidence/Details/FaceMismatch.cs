namespace Supervision.Contracts.Evidence.Details;

/// <summary>A face photo of someone other than the registered student (<see cref="FaceJudgement.Score"/> against the threshold).</summary>
[StoredAs(AnomalyKind.FaceMismatch)]
public sealed record FaceMismatch : CheckAttemptAnomaly;
