namespace Supervision.Contracts.Checks;

/// <summary>A check passed: it clears every check due on its session up to <see cref="PassedAt"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record CheckPass(
    [property: Id(0)] string BizCode,
    [property: Id(1)] CheckKind Kind,
    [property: Id(2)] Guid SessionId,
    [property: Id(3)] DateTimeOffset PassedAt,
    [property: Id(4)] int VideoStudyTime);
