using Supervision.Contracts.Students;

namespace Supervision.Grains.Students;

[GenerateSerializer]
public sealed class StudentState
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public string? StudentCode { get; set; }
    [Id(2)] public string? Mobile { get; set; }
    [Id(3)] public string? ErcunPhotoUrl { get; set; }
    [Id(4)] public string? Remark { get; set; }
    [Id(5)] public HashSet<string> BusinessPlatformCodes { get; set; } = new(StringComparer.Ordinal);
    [Id(6)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(7)] public DateTimeOffset? RealNameVerifiedAt { get; set; }
    [Id(8)] public List<PhotoChange> PhotoHistory { get; set; } = [];
    [Id(9)] public LiveSession? LiveSession { get; set; }
    [Id(10)] public DateTimeOffset? FirstStudiedAt { get; set; }
    [Id(11)] public string CardNo { get; set; } = "";

    /// <summary>The learning platforms that teach this person: the only ones that may check their name or change their photo.</summary>
    [Id(12)] public HashSet<string> LearningPlatformCodes { get; set; } = new(StringComparer.Ordinal);
}
