namespace Supervision.Contracts.Platforms;

/// <summary>
/// The fronts that keep platforms' credential versions in memory, each on a lease it renews. A re-registration
/// answers only once every front has heard of it, or has stopped trusting what it keeps (its lease lapsed): a token
/// issued before the change is refused on the next request, on every front. One per cluster, key 0.
/// </summary>
public interface ICredentialWatchGrain : IGrainWithIntegerKey
{
    /// <summary>Subscribes or renews a front for <see cref="CredentialLease.Length"/> from now.</summary>
    Task Subscribe(ICredentialObserver front);

    /// <summary>Tells every subscribed front; answers when each has heard it or its lease has lapsed (two leases at most).</summary>
    [ResponseTimeout(BulkCallTimeout.Value)]
    Task Revoke(string platformCode, int version);
}
