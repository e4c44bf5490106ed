namespace Supervision.Contracts.Reviews;

/// <summary>How the review queue is ordered.</summary>
public enum FaceReviewOrder
{
    /// <summary>
    /// Learners with a pass in the band first (a wrong pass earned credit; a wrong refusal cost a retake), the pass
    /// nearest the threshold first, then more attempts in the band before fewer, then the latest attempt first.
    /// </summary>
    Risk,

    /// <summary>The learner whose latest attempt in the band is newest first.</summary>
    Newest,
}
