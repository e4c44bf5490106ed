namespace Supervision.Contracts.Courses;

[GenerateSerializer, Immutable]
public sealed record CourseSection(
    [property: Id(0)] string SectionCode,
    [property: Id(1)] string? ParentSectionCode,
    [property: Id(2)] string? SectionName,
    [property: Id(3)] int SectionSort,
    [property: Id(4)] IReadOnlyList<CourseResource> Resources);
