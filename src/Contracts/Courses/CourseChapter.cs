namespace Supervision.Contracts.Courses;

/// <summary>A chapter of a catalogue course; chapters may nest (the seed's 1.13 example does).</summary>
[GenerateSerializer, Immutable]
public sealed record CourseChapter(
    [property: Id(0)] string ChapterCode,
    [property: Id(1)] string? ParentChapterCode,
    [property: Id(2)] string? ChapterName,
    [property: Id(3)] int ChapterSort,
    [property: Id(4)] IReadOnlyList<CourseSection> Sections,
    [property: Id(5)] IReadOnlyList<CourseChapter> Chapters);
