namespace Supervision.Contracts.Platforms;

/// <summary>What the operator provisions for one platform account. The password arrives in clear and is hashed by the grain.</summary>
[GenerateSerializer, Immutable]
public sealed record PlatformRegistration(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] PlatformRole Role,
    [property: Id(3)] string Account,
    [property: Id(4)] string Password,
    [property: Id(5)] string? ApiBaseUrl,
    [property: Id(6)] string? OutboundToken);
