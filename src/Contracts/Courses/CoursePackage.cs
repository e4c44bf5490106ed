namespace Supervision.Contracts.Courses;

/// <summary>A course package as 1.13 pushes it and 1.14 pulls it; 2.2's courses are stored in this shape too.</summary>
[GenerateSerializer, Immutable]
public sealed record CoursePackage(
    [property: Id(0)] string CourseCode,
    [property: Id(1)] string CourseName,
    [property: Id(2)] string? WorkName,
    [property: Id(3)] CourseStatus CourseStatus,
    [property: Id(4)] string? CoursePoster,
    [property: Id(5)] IReadOnlyList<CourseChapter> Chapters);
