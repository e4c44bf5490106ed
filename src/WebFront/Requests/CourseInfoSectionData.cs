using Supervision.Envelope.Declarations;

namespace Supervision.WebFront.Requests;

/// <summary>One section of 2.2's course.</summary>
public readonly record struct CourseInfoSectionData(
    [property: Text(256)] string SectionName,
    [property: Integer(int.MinValue, int.MaxValue)] int SectionSort,
    [property: Objects(1_000)] IReadOnlyList<CourseInfoVideoData>? SectionSourceList);
