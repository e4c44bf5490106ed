using Orleans.Concurrency;

namespace Supervision.Contracts.Reviews;

/// <summary>Lists the face-check photos waiting for review, newest first.</summary>
public interface IFaceReviewQueueGrain : IGrainWithIntegerKey
{
    [ReadOnly]
    Task<IReadOnlyList<FaceReviewItem>> Pending(int limit);
}
