using Supervision.Contracts.Courses;
using Supervision.Envelope.Declarations;

namespace Supervision.Envelope.CoursePackages;

/// <summary>A section of a course package's chapter.</summary>
public readonly record struct CourseSectionData(
    [property: Code] string SectionCode,
    [property: Code] string? ParentSectionCode,
    [property: Text(256)] string? SectionName,
    [property: Integer(int.MinValue, int.MaxValue)] int? SectionSort,
    [property: Objects(1_000)] IReadOnlyList<CourseResourceData>? SectionSourceList)
{
    public CourseSection Section() => new(SectionCode, ParentSectionCode, SectionName, SectionSort ?? 0,
        (SectionSourceList ?? []).Select(resource => resource.Resource()).ToList());
}
