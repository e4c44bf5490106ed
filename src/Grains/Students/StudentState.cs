using Supervision.Contracts.Students;

namespace Supervision.Grains.Students;

/// <summary>
/// One person, by ID number: each business platform's record of them, and what goes by the person across all
/// platforms — the one live study (SPEC rule 13) and when they first studied.
/// </summary>
/// <remarks>
/// Ids 0–8 and 12 held the earlier shape, one record for every platform; <see cref="FoldEarlierShape"/> reads
/// them once into the record of the platform that registered the person first.
/// </remarks>
[GenerateSerializer]
public sealed class StudentState
{
    [Id(11)] public string CardNo { get; set; } = "";
    [Id(9)] public LiveSession? LiveSession { get; set; }
    [Id(10)] public DateTimeOffset? FirstStudiedAt { get; set; }

    /// <summary>The records, by the business platform that registered them.</summary>
    [Id(13)] public Dictionary<string, PersonRecord> Records { get; set; } = new(StringComparer.Ordinal);

    [Id(0)] public string? EarlierName { get; set; }
    [Id(1)] public string? EarlierStudentCode { get; set; }
    [Id(2)] public string? EarlierMobile { get; set; }
    [Id(3)] public string? EarlierPhotoUrl { get; set; }
    [Id(4)] public string? EarlierRemark { get; set; }
    [Id(5)] public HashSet<string>? EarlierBusinessPlatformCodes { get; set; }
    [Id(6)] public DateTimeOffset EarlierUpdatedAt { get; set; }
    [Id(7)] public DateTimeOffset? EarlierRealNameVerifiedAt { get; set; }
    [Id(8)] public List<PhotoChange>? EarlierPhotoHistory { get; set; }
    [Id(12)] public HashSet<string>? EarlierLearningPlatformCodes { get; set; }

    /// <summary>The records taught by <paramref name="learningPlatformCode"/>: what that platform may act on.</summary>
    public IEnumerable<PersonRecord> TaughtBy(string learningPlatformCode) => Records.Values.Where(r => r.LearningPlatformCodes.Contains(learningPlatformCode));

    public void FoldEarlierShape()
    {
        if (EarlierName is not { } name || EarlierBusinessPlatformCodes is not { Count: > 0 } owners)
        {
            return;
        }

        Records[owners.Order(StringComparer.Ordinal).First()] = new PersonRecord
        {
            Name = name,
            StudentCode = EarlierStudentCode,
            Mobile = EarlierMobile,
            ErcunPhotoUrl = EarlierPhotoUrl,
            Remark = EarlierRemark,
            UpdatedAt = EarlierUpdatedAt,
            RealNameVerifiedAt = EarlierRealNameVerifiedAt,
            PhotoHistory = EarlierPhotoHistory ?? [],
            LearningPlatformCodes = EarlierLearningPlatformCodes ?? new(StringComparer.Ordinal),
        };
        (EarlierName, EarlierStudentCode, EarlierMobile, EarlierPhotoUrl, EarlierRemark) = (null, null, null, null, null);
        (EarlierBusinessPlatformCodes, EarlierPhotoHistory, EarlierLearningPlatformCodes, EarlierRealNameVerifiedAt) = (null, null, null, null);
    }
}
