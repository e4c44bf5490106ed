using Supervision.Contracts.Study;

namespace Supervision.Contracts.Checks;

/// <summary>
/// 1.6: a photo for a face check's bizCode, with the student, class and video the platform says it is for
/// (they must be the ones the bizCode was issued to).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record FaceSubmission(
    [property: Id(0)] string PlatformCode,
    [property: Id(1)] string ClassCode,
    [property: Id(2)] string StudentUserCode,
    [property: Id(3)] string ResCode,
    [property: Id(4)] FacePhoto Photo,
    [property: Id(5)] int VideoStudyTime,
    [property: Id(6)] DeviceInfo Device);
