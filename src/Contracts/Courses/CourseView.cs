namespace Supervision.Contracts.Courses;

/// <summary>A stored catalogue course, with the learning platform it belongs to.</summary>
[GenerateSerializer, Immutable]
public sealed record CourseView(
    [property: Id(0)] string PlatformCode,
    [property: Id(1)] CoursePackage Package,
    [property: Id(2)] bool Deleted,
    [property: Id(3)] DateTimeOffset UpdatedAt);
