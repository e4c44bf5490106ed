namespace Supervision.Contracts.Platforms;

/// <summary>One platform account, keyed by platform code.</summary>
public interface IPlatformGrain : IGrainWithStringKey
{
    Task<Outcome<PlatformView>> Register(PlatformRegistration registration);

    /// <summary>Checks a password against the stored salted hash; null when it does not match or the platform does not exist.</summary>
    Task<PlatformIdentity?> VerifyPassword(string password);

    Task<PlatformView?> Describe();
}
