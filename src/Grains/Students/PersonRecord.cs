using Supervision.Contracts.Students;

namespace Supervision.Grains.Students;

/// <summary>
/// What one business platform registered about a person (SPEC rule 13): its own name, phone and photo, the
/// learning platforms that teach the person in its classes, and whether a name check passed against it.
/// Another platform registering the same ID number keeps a record of its own and never changes this one.
/// </summary>
[GenerateSerializer]
public sealed class PersonRecord
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public string? StudentCode { get; set; }
    [Id(2)] public string? Mobile { get; set; }
    [Id(3)] public string? ErcunPhotoUrl { get; set; }
    [Id(4)] public string? Remark { get; set; }
    [Id(5)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(6)] public DateTimeOffset? RealNameVerifiedAt { get; set; }
    [Id(7)] public List<PhotoChange> PhotoHistory { get; set; } = [];

    /// <summary>The learning platforms that teach the person in this platform's classes: the only ones that may check this name or change this photo.</summary>
    [Id(8)] public HashSet<string> LearningPlatformCodes { get; set; } = new(StringComparer.Ordinal);

    public PersonRecordView View(string businessPlatformCode) =>
        new(businessPlatformCode, Name, StudentCode, Mobile, ErcunPhotoUrl, UpdatedAt, RealNameVerifiedAt, PhotoHistory);
}
