namespace Supervision.Contracts.Platforms;

/// <summary>
/// Who a caller is once its account and password checked out: what a token is issued for. The credential version
/// is the platform's registration it logged in under; a token carries it, and a newer registration revokes it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PlatformIdentity(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] PlatformRole Role,
    [property: Id(3)] int CredentialVersion);
