namespace Supervision.Contracts.Evidence.Details;

/// <summary>A face photo that copies an earlier check photo or the registered photo (<see cref="FaceJudgement.ReplayOf"/>).</summary>
[StoredAs(AnomalyKind.FacePhotoReplayed)]
public sealed record FacePhotoReplayed : CheckAttemptAnomaly;
