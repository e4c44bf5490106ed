namespace Supervision.Contracts.Courses;

/// <summary>A video of a catalogue course (1.13 sectionSourceList); <see cref="DurationSeconds"/> is 0 when unknown.</summary>
[GenerateSerializer, Immutable]
public sealed record CourseResource(
    [property: Id(0)] string ResCode,
    [property: Id(1)] string? ResName,
    [property: Id(2)] string? VideoUrl,
    [property: Id(3)] int ResSort,
    [property: Id(4)] int DurationSeconds);
