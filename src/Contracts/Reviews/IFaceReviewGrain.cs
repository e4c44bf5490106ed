using Supervision.Contracts.Evidence;

namespace Supervision.Contracts.Reviews;

/// <summary>The review of one borderline face-check photo, keyed by the photo's id: decided once, recorded as evidence.</summary>
public interface IFaceReviewGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Records the decision. "Not the same person" voids the credit the check's pass let the video earn, up to the
    /// next passed check, and raises an anomaly on the student. The same decision sent again answers as before.
    /// </summary>
    Task<Outcome<FaceReviewView>> Decide(FaceReviewDecision decision, OperatorAction by);

    /// <summary>The student's registered two-inch photo, to show beside the check photo.</summary>
    [ResponseTimeout(PhotoFetchCallTimeout.Value)]
    Task<Outcome<CheckPhotoView>> RegisteredPhoto();
}
