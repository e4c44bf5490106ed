namespace Supervision.Contracts.Platforms;

/// <summary>One platform account, keyed by platform code.</summary>
public interface IPlatformGrain : IGrainWithStringKey
{
    Task<Outcome<PlatformView>> Register(PlatformRegistration registration);

    /// <summary>
    /// Checks a password against the stored salted hash. Repeated failures lock the account for a while
    /// (1107), so a password cannot be guessed by trying.
    /// </summary>
    Task<Outcome<PlatformIdentity>> VerifyPassword(string password);

    Task<PlatformView?> Describe();

    /// <summary>For the silo's outbound calls only; never answered to an HTTP caller.</summary>
    Task<PlatformEndpoint?> Endpoint();
}
