namespace Supervision.Contracts.Study;

/// <summary>1.3 startStudy.</summary>
[GenerateSerializer, Immutable]
public sealed record StudyStart(
    [property: Id(0)] string PlatformCode,
    [property: Id(1)] string CourseCode,
    [property: Id(2)] string? SectionCode,
    [property: Id(3)] string ResCode,
    [property: Id(4)] DeviceInfo Device);
