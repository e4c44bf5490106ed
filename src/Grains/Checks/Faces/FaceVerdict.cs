namespace Supervision.Grains.Checks.Faces;

/// <summary>
/// The judgement on one photo with what backs it: the comparer's score and threshold, the stored photo, and for a
/// replay the earlier photo it repeats (null when it repeats the registered two-inch photo).
/// </summary>
public sealed record FaceVerdict(FaceCheckDecision Decision, double? Score, double Threshold, long PhotoId, long? ReplayOf)
{
    public bool Passed => Decision == FaceCheckDecision.Same;
}
