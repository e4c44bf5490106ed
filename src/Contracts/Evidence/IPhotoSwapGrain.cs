namespace Supervision.Contracts.Evidence;

/// <summary>
/// The two registered photos of a swap (a <see cref="AnomalyKind.PhotoChangedAfterStudy"/> anomaly), for the operator:
/// fetched now from the addresses the anomaly names, since a registered photo is kept as an address, not as bytes.
/// </summary>
public interface IPhotoSwapGrain : IGrainWithIntegerKey
{
    /// <summary>The photo registered before the swap (<paramref name="before"/>) or the one swapped in; refused when the anomaly is no swap or the photo cannot be fetched.</summary>
    Task<Outcome<CheckPhotoView>> Photo(long anomalyId, bool before);
}
