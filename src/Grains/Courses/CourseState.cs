using Supervision.Contracts.Courses;

namespace Supervision.Grains.Courses;

[GenerateSerializer]
public sealed class CourseState
{
    [Id(0)] public string PlatformCode { get; set; } = "";
    [Id(1)] public CoursePackage? Package { get; set; }
    [Id(2)] public bool Deleted { get; set; }
    [Id(3)] public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The business platform that registered the course through 2.2; empty for a learning platform's own (1.13, 1.14) and for 2.2 courses stored before it was kept.</summary>
    [Id(4)] public string BusinessPlatformCode { get; set; } = "";
}
