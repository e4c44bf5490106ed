namespace Supervision.Contracts.Classes;

[GenerateSerializer, Immutable]
public sealed record ClassCourse(
    [property: Id(0)] string CourseCode,
    [property: Id(1)] string? Title,
    [property: Id(2)] int Sort,
    [property: Id(3)] IReadOnlyList<ClassChapter> Chapters);
