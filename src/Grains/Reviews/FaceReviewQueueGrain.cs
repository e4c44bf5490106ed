using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Supervision.Contracts.Reviews;
using Supervision.FaceComparison;
using Supervision.Grains.Checks.Faces;
using Supervision.Grains.Evidence;

namespace Supervision.Grains.Reviews;

/// <summary>Reads the review queue from check_photos: the band is this silo's, in its provider's unit.</summary>
[StatelessWorker]
public sealed class FaceReviewQueueGrain(CheckPhotoArchive archive, IOptions<FaceComparisonOptions> comparison, IOptions<FaceReviewOptions> review)
    : Grain, IFaceReviewQueueGrain
{
    public async Task<IReadOnlyList<FaceReviewItem>> Pending(int limit)
    {
        var band = review.Value.Band(comparison.Value.Provider);
        var photos = await archive.AwaitingReviewAsync(band, limit);
        return photos.Select(p => new FaceReviewItem(p.Id, p.At, p.ClassCode, p.StudentUserCode, p.BizCode, p.Decision, p.Score!.Value, p.Threshold, band)).ToList();
    }
}
