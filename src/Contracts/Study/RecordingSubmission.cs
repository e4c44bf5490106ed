namespace Supervision.Contracts.Study;

/// <summary>1.9 submitRecordVideoUrl.</summary>
[GenerateSerializer, Immutable]
public sealed record RecordingSubmission(
    [property: Id(0)] string PlatformCode,
    [property: Id(1)] string CourseCode,
    [property: Id(2)] string ResCode,
    [property: Id(3)] string RecordVideoUrl,
    [property: Id(4)] DeviceInfo Device);
