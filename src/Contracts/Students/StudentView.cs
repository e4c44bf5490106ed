namespace Supervision.Contracts.Students;

/// <summary>
/// A person as the operator sees them: the fields of the most recently updated record at the top, for a person
/// only one platform registered, and every business platform's own record in <see cref="Records"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StudentView(
    [property: Id(0)] string CardNo,
    [property: Id(1)] string Name,
    [property: Id(2)] string? StudentCode,
    [property: Id(3)] string? Mobile,
    [property: Id(4)] string? ErcunPhotoUrl,
    [property: Id(5)] IReadOnlyList<string> BusinessPlatformCodes,
    [property: Id(6)] DateTimeOffset? RealNameVerifiedAt,
    [property: Id(7)] IReadOnlyList<PhotoChange> PhotoHistory,
    [property: Id(8)] IReadOnlyList<PersonRecordView> Records);
