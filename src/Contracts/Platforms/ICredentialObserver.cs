namespace Supervision.Contracts.Platforms;

/// <summary>A front, told by <see cref="ICredentialWatchGrain"/> that a platform's earlier tokens are revoked.</summary>
public interface ICredentialObserver : IGrainObserver
{
    /// <summary>Tokens of <paramref name="platformCode"/> older than <paramref name="version"/> are refused from now on.</summary>
    Task Revoked(string platformCode, int version);
}
