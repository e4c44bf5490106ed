namespace Supervision.Contracts.Study;

/// <summary>1.10 studyHour: <see cref="PlayTime"/> is the position in the video, <see cref="ProgressTime"/> the seconds played since the previous report.</summary>
[GenerateSerializer, Immutable]
public sealed record StudyReport(
    [property: Id(0)] string PlatformCode,
    [property: Id(1)] string CourseCode,
    [property: Id(2)] string? SectionCode,
    [property: Id(3)] string ResCode,
    [property: Id(4)] int PlayTime,
    [property: Id(5)] int ProgressTime,
    [property: Id(6)] DeviceInfo Device);
