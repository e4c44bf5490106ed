using Supervision.Grains.Evidence;

namespace Supervision.Grains.Checks.Faces;

/// <summary>
/// The judgement on one photo with what backs it: the comparer's score and threshold, the stored photo, and for a
/// replay the earlier photo it copies (null when it copies the registered two-inch photo) and how alike their face
/// prints are (<see cref="Supervision.FaceComparison.FacePrint.Likeness"/>; 1 for the same frame without a face print).
/// </summary>
public sealed record FaceVerdict(FaceCheckDecision Decision, double? Score, double Threshold, long PhotoId, long? ReplayOf, double? CopyLikeness = null)
{
    /// <summary>The photo's row, to commit with the attempt (<see cref="CheckPhotoArchive.Row"/>): no attempt, no photo.</summary>
    public required LedgerRows PhotoRow { get; init; }

    public bool Passed => Decision == FaceCheckDecision.Same;
}
