namespace Supervision.Contracts.Platforms;

/// <summary>A platform as the operator sees it: everything but the password hash and the outbound token.</summary>
[GenerateSerializer, Immutable]
public sealed record PlatformView(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] PlatformRole Role,
    [property: Id(3)] string Account,
    [property: Id(4)] string? ApiBaseUrl,
    [property: Id(5)] bool HasOutboundToken);
