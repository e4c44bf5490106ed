namespace Supervision.Grains.Platforms;

[GenerateSerializer]
public sealed class PlatformDirectoryState
{
    [Id(0)] public Dictionary<string, PlatformDirectoryEntry> Platforms { get; set; } = new(StringComparer.Ordinal);
}

[GenerateSerializer, Immutable]
public sealed record PlatformDirectoryEntry(
    [property: Id(0)] string Account,
    [property: Id(1)] string? ApiUrlKey);
