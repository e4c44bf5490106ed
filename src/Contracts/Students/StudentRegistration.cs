namespace Supervision.Contracts.Students;

/// <summary>A student as 2.3 sends it (upserted by ID number), or as a class roster names it.</summary>
[GenerateSerializer, Immutable]
public sealed record StudentRegistration(
    [property: Id(0)] string CardNo,
    [property: Id(1)] string Name,
    [property: Id(2)] string? StudentCode,
    [property: Id(3)] string? Mobile,
    [property: Id(4)] string? ErcunPhotoUrl,
    [property: Id(5)] string? Remark,
    [property: Id(6)] string? StudyPlatformApiUrl)
{
    /// <summary>The learning platform that teaches this person, resolved from <see cref="StudyPlatformApiUrl"/>: only it may act on them.</summary>
    [Id(7)] public string? LearningPlatformCode { get; init; }
}
