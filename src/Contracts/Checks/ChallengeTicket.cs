namespace Supervision.Contracts.Checks;

/// <summary>What a bizCode is bound to: one student, class, video and session, one platform, one kind of check.</summary>
[GenerateSerializer, Immutable]
public sealed record ChallengeTicket(
    [property: Id(0)] CheckKind Kind,
    [property: Id(1)] string ClassCode,
    [property: Id(2)] string StudentUserCode,
    [property: Id(3)] string CardNo,
    [property: Id(4)] string ResCode,
    [property: Id(5)] Guid SessionId,
    [property: Id(6)] string PlatformCode,
    [property: Id(7)] DateTimeOffset IssuedAt,
    [property: Id(8)] DateTimeOffset ExpiresAt,
    [property: Id(9)] string? Code)
{
    /// <summary>The business platform that owns the class: the face is compared with its record's photo.</summary>
    [Id(10)] public string BusinessPlatformCode { get; init; } = "";
}
