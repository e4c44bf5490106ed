namespace Supervision.Grains.Students;

/// <summary>
/// One person found stored twice, under both forms of their ID number: what each business platform registered,
/// the live study and when they first studied, as one. Where one platform registered the person under both forms,
/// its later record stands, with both records' photo histories and learning platforms and the earlier name check.
/// </summary>
public static class StudentStateMerge
{
    public static StudentState Of(StudentState normal, StudentState legacy)
    {
        normal.FoldEarlierShape();
        foreach (var (platform, record) in legacy.Records)
        {
            normal.Records[platform] = normal.Records.TryGetValue(platform, out var other) ? Merge(other, record) : record;
        }

        normal.FirstStudiedAt = Earliest(normal.FirstStudiedAt, legacy.FirstStudiedAt);
        if (legacy.LiveSession is { } live && (normal.LiveSession is null || live.StartedAt > normal.LiveSession.StartedAt))
        {
            normal.LiveSession = live;
        }

        return normal;
    }

    private static PersonRecord Merge(PersonRecord a, PersonRecord b)
    {
        var (earlier, later) = a.UpdatedAt <= b.UpdatedAt ? (a, b) : (b, a);
        later.PhotoHistory = earlier.PhotoHistory.Concat(later.PhotoHistory).DistinctBy(p => (p.Url, p.At)).OrderBy(p => p.At).ToList();
        later.LearningPlatformCodes.UnionWith(earlier.LearningPlatformCodes);
        later.RealNameVerifiedAt = Earliest(later.RealNameVerifiedAt, earlier.RealNameVerifiedAt);
        return later;
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
