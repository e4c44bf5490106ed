namespace Supervision.Contracts.Evidence;

/// <summary>
/// The two registered photos of a swap (a <see cref="AnomalyKind.PhotoChangedAfterStudy"/> anomaly), for the operator:
/// the bytes kept when the swap was recorded, under the SHA-256 the anomaly names.
/// </summary>
public interface IPhotoSwapGrain : IGrainWithIntegerKey
{
    /// <summary>The photo registered before the swap (<paramref name="before"/>) or the one swapped in; refused when the anomaly is no swap or the photo was not kept at the swap.</summary>
    Task<Outcome<CheckPhotoView>> Photo(long anomalyId, bool before);
}
