namespace Supervision.Contracts.Platforms;

/// <summary>
/// How long a front may trust the credential versions it keeps after its last renewal with
/// <see cref="ICredentialWatchGrain"/>. Measured on real time (a monotonic clock) on both sides, never on the
/// business clock: it bounds what a network partition can hide, which no test clock moves. A revocation waits at most
/// two leases and a notification (<see cref="IPlatformGrain.Register"/> allows 30 s).
/// </summary>
public static class CredentialLease
{
    public static readonly TimeSpan Length = TimeSpan.FromSeconds(10);

    /// <summary>A front renews three times a lease, so one lost renewal does not make it lapse.</summary>
    public static readonly TimeSpan RenewEvery = Length / 3;

    /// <summary>How long a revocation waits for a front to say it heard, before it waits out that front's lease instead.</summary>
    public static readonly TimeSpan NotifyTimeout = TimeSpan.FromSeconds(2);
}
