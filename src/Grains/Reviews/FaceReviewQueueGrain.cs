using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Supervision.Contracts.Reviews;
using Supervision.FaceComparison;
using Supervision.Grains.Checks.Faces;

namespace Supervision.Grains.Reviews;

/// <summary>Reads the review queue from check_photos: the band is this silo's, in its provider's unit.</summary>
[StatelessWorker]
public sealed class FaceReviewQueueGrain(PendingReviews pending, IOptions<FaceComparisonOptions> comparison, IOptions<FaceReviewOptions> review)
    : Grain, IFaceReviewQueueGrain
{
    public async Task<FaceReviewPage> Pending(FaceReviewQuery query)
    {
        var (total, items) = await pending.PageAsync(review.Value.Band(comparison.Value.Provider), query);
        return new FaceReviewPage(total, query.Page, query.PageSize, items);
    }
}
