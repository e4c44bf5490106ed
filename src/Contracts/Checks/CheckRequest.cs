using Supervision.Contracts.Study;

namespace Supervision.Contracts.Checks;

/// <summary>1.5 (face) or 1.7 (pop-up code): a platform asks for a check of the student watching a video.</summary>
[GenerateSerializer, Immutable]
public sealed record CheckRequest(
    [property: Id(0)] string PlatformCode,
    [property: Id(1)] string ResCode,
    [property: Id(2)] CheckKind Kind,
    [property: Id(3)] DeviceInfo Device);
