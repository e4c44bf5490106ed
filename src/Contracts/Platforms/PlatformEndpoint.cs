namespace Supervision.Contracts.Platforms;

/// <summary>Where and as whom we call a learning platform (1.12, 1.14). Silo-internal: it carries the outbound token.</summary>
[GenerateSerializer, Immutable]
public sealed record PlatformEndpoint(
    [property: Id(0)] PlatformRole Role,
    [property: Id(1)] string? ApiBaseUrl,
    [property: Id(2)] string? OutboundToken);
