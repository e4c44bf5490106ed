namespace Supervision.Contracts.Students;

/// <summary>One business platform's record of a person, as the operator sees it.</summary>
[GenerateSerializer, Immutable]
public sealed record PersonRecordView(
    [property: Id(0)] string BusinessPlatformCode,
    [property: Id(1)] string Name,
    [property: Id(2)] string? StudentCode,
    [property: Id(3)] string? Mobile,
    [property: Id(4)] string? ErcunPhotoUrl,
    [property: Id(5)] DateTimeOffset UpdatedAt,
    [property: Id(6)] DateTimeOffset? RealNameVerifiedAt,
    [property: Id(7)] IReadOnlyList<PhotoChange> PhotoHistory);
