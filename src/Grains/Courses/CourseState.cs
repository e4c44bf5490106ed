using Supervision.Contracts.Courses;

namespace Supervision.Grains.Courses;

[GenerateSerializer]
public sealed class CourseState
{
    [Id(0)] public string PlatformCode { get; set; } = "";
    [Id(1)] public CoursePackage? Package { get; set; }
    [Id(2)] public bool Deleted { get; set; }
    [Id(3)] public DateTimeOffset UpdatedAt { get; set; }
}
