namespace Supervision.Contracts.Classes;

/// <summary>A chapter of a class's course; its code is what 2.5 reports as a resource's sectionCode.</summary>
[GenerateSerializer, Immutable]
public sealed record ClassChapter(
    [property: Id(0)] string ChapterCode,
    [property: Id(1)] string? Title,
    [property: Id(2)] int Sort,
    [property: Id(3)] IReadOnlyList<ClassResource> Resources);
