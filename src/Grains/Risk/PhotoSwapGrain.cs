using Supervision.Contracts;
using Supervision.Contracts.Evidence;
using Supervision.Contracts.Evidence.Details;
using Supervision.Grains.Evidence;

namespace Supervision.Grains.Risk;

/// <summary>
/// Serves a swap's photos as kept when the swap was recorded (<see cref="KeptPhotos"/>, named by the digests in the
/// anomaly), never fetched now: what the platform's addresses serve later is not what was swapped. A photo the swap
/// could not keep, or a swap recorded before swaps kept their photos, is refused in words.
/// </summary>
[StatelessWorker]
public sealed class PhotoSwapGrain(KeptPhotos kept) : Grain, IPhotoSwapGrain
{
    public async Task<Outcome<CheckPhotoView>> Photo(long anomalyId, bool before)
    {
        var anomaly = await GrainFactory.GetGrain<IEvidenceGrain>(0).Anomaly(anomalyId);
        if (anomaly is null || DetailsJson.ReadAnomaly(anomaly.Kind, anomaly.Details) is not PhotoChangedAfterStudy swap)
        {
            return Outcome.Fail(ReturnCode.InvalidField, $"id: anomaly {anomalyId} is not a photo swapped after study began");
        }

        var field = before ? "ercunPhotos: the photo registered before the swap" : "ercunPhotos: the photo swapped in";
        if (before && swap.Previous is null)
        {
            return Outcome.Fail(ReturnCode.ReferencePhotoUnusable, "ercunPhotos: no photo was registered before the swap");
        }

        return (before ? swap.PreviousPhoto : swap.CurrentPhoto) switch
        {
            null => Outcome.Fail(ReturnCode.ReferencePhotoUnusable, $"{field}: not kept at the time (the swap was recorded before swaps kept their photos)"),
            { Sha256: { } hex } => await ServedAsync(anomalyId, Convert.FromHexString(hex), field),
            { Why: var why } => Outcome.Fail(ReturnCode.ReferencePhotoUnusable, $"{field}: not kept at the swap ({why})"),
        };
    }

    private async Task<Outcome<CheckPhotoView>> ServedAsync(long anomalyId, byte[] digest, string field) =>
        KeptPhotos.Servable(anomalyId, digest, await kept.FindAsync(digest), field);
}
