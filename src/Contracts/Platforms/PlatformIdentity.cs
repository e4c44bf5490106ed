namespace Supervision.Contracts.Platforms;

/// <summary>Who a caller is once its account and password checked out: what a token is issued for.</summary>
[GenerateSerializer, Immutable]
public sealed record PlatformIdentity(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] PlatformRole Role);
