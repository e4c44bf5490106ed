using Supervision.Contracts;
using Supervision.Contracts.Evidence;
using Supervision.Contracts.Evidence.Details;
using Supervision.Grains.Evidence;
using Supervision.Grains.Fetching;

namespace Supervision.Grains.Risk;

/// <summary>
/// Fetches a swap's photos through the same <see cref="PhotoDownloader"/> (and fetch rule) a face check fetches the
/// registered photo with: the address is one a platform registered, never one the operator typed.
/// </summary>
[StatelessWorker]
public sealed class PhotoSwapGrain(PhotoDownloader downloader) : Grain, IPhotoSwapGrain
{
    public async Task<Outcome<CheckPhotoView>> Photo(long anomalyId, bool before)
    {
        var anomaly = await GrainFactory.GetGrain<IEvidenceGrain>(0).Anomaly(anomalyId);
        if (anomaly is null || DetailsJson.ReadAnomaly(anomaly.Kind, anomaly.Details) is not PhotoChangedAfterStudy swap)
        {
            return Outcome.Fail(ReturnCode.InvalidField, $"id: anomaly {anomalyId} is not a photo swapped after study began");
        }

        if ((before ? swap.Previous : swap.Current) is not { } url)
        {
            return Outcome.Fail(ReturnCode.ReferencePhotoUnusable, "ercunPhotos: no photo was registered before the swap");
        }

        try
        {
            return ServablePhoto.Of(anomalyId, await downloader.DownloadAsync(url, CancellationToken.None), ReturnCode.ReferencePhotoUnusable,
                before ? "ercunPhotos: the photo registered before the swap" : "ercunPhotos: the photo swapped in");
        }
        catch (PhotoFetchException e)
        {
            return Outcome.Fail(ReturnCode.ReferencePhotoUnusable, $"ercunPhotos: the photo could not be fetched: {e.Message}");
        }
    }
}
