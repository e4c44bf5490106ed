namespace Supervision.Grains.Platforms;

/// <summary>One record <paramref name="PlatformCode"/> holds: a row of platform_holdings.</summary>
public sealed record PlatformHolding(string Kind, string PlatformCode, string Code);
