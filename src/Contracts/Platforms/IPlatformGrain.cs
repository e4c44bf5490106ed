using Orleans.Concurrency;
using Supervision.Contracts.Evidence;

namespace Supervision.Contracts.Platforms;

/// <summary>One platform account, keyed by platform code.</summary>
public interface IPlatformGrain : IGrainWithStringKey
{
    /// <summary>
    /// Registers or re-registers the platform, recorded as platform_registration evidence with who did it. A
    /// re-registration answers once every front refuses the tokens issued before it (<see cref="ICredentialWatchGrain.Revoke"/>),
    /// which may wait out a lost front's lease: hence the long timeout.
    /// </summary>
    [ResponseTimeout(BulkCallTimeout.Value)]
    Task<Outcome<PlatformView>> Register(PlatformRegistration registration, OperatorAction by);

    /// <summary>
    /// Checks a password against the stored salted hash. Called by the platform directory only, which limits how
    /// often an account may be tried from one address.
    /// </summary>
    Task<Outcome<PlatformIdentity>> VerifyPassword(string password);

    Task<PlatformView?> Describe();

    /// <summary>
    /// The version of the platform's credentials, raised by every registration; null when there is no such platform.
    /// Fronts compare a token's version with it. Interleaved: a token check must not wait behind a login's hashing.
    /// </summary>
    [AlwaysInterleave]
    Task<int?> CredentialVersion();

    /// <summary>For the silo's outbound calls only; never answered to an HTTP caller.</summary>
    Task<PlatformEndpoint?> Endpoint();
}
