using Supervision.Contracts.Study;

namespace Supervision.Contracts.Checks;

/// <summary>1.8: the code the student typed, for a bizCode.</summary>
[GenerateSerializer, Immutable]
public sealed record CodeSubmission(
    [property: Id(0)] string PlatformCode,
    [property: Id(1)] string VerificationCode,
    [property: Id(2)] int VideoStudyTime,
    [property: Id(3)] DeviceInfo Device);
