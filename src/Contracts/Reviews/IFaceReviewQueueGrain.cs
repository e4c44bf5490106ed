using Orleans.Concurrency;

namespace Supervision.Contracts.Reviews;

/// <summary>Lists the face-check photos waiting for review, one item per learner in a class, a page at a time.</summary>
public interface IFaceReviewQueueGrain : IGrainWithIntegerKey
{
    [ReadOnly]
    Task<FaceReviewPage> Pending(FaceReviewQuery query);
}
