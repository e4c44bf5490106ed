namespace Supervision.Contracts.Study;

/// <summary>1.4 endStudy.</summary>
[GenerateSerializer, Immutable]
public sealed record StudyEnd(
    [property: Id(0)] string PlatformCode,
    [property: Id(1)] string ResCode,
    [property: Id(2)] DeviceInfo Device);
