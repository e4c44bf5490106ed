namespace Supervision.Grains.Study;

/// <summary>
/// What one video earned after each of its recent passed checks, up to the next: a pass later found by a reviewer
/// to be another person's face lets the rejection take back exactly what that pass let the video earn. While the
/// latest pass stands rejected the video earns nothing, until a new check passes.
/// </summary>
[GenerateSerializer]
public sealed class PassCredit
{
    /// <summary>Earlier passes kept: more than a day of checks on one video, and reviews follow within hours.</summary>
    private const int EarlierKept = 16;

    [Id(0)] public string? LatestBizCode { get; set; }

    [Id(1)] public int SinceLatest { get; set; }

    [Id(2)] public bool LatestRejected { get; set; }

    [NonSerialized] private List<PassedSegment>? earlier;

    /// <summary>The passes before the latest, newest first.</summary>
    public IReadOnlyList<PassedSegment> Earlier => NullWhileEmpty.Read(earlier);

    // Held as null while empty, stored as the empty list it always was (NullWhileEmpty).
    [Id(3)] internal List<PassedSegment> StoredEarlier { get => NullWhileEmpty.Stored(earlier); set => earlier = NullWhileEmpty.Held(value); }

    /// <summary>A copy for a report's draft: a report adds to <see cref="SinceLatest"/> alone, so the earlier passes stay shared.</summary>
    public PassCredit CopyForReport() => (PassCredit)MemberwiseClone();

    public void Earned(int seconds) => SinceLatest += seconds;

    public void Passed(string bizCode)
    {
        if (LatestBizCode is { } previous)
        {
            NullWhileEmpty.InsertFirst(ref earlier, new PassedSegment { BizCode = previous, Credited = SinceLatest }, EarlierKept);
        }

        LatestBizCode = bizCode;
        SinceLatest = 0;
        LatestRejected = false;
    }

    public bool Holds(string bizCode) => LatestBizCode == bizCode || Earlier.Any(s => s.BizCode == bizCode);

    /// <summary>
    /// Takes back the seconds earned under the pass. A rejected pass holds none afterwards (the latest one earns
    /// nothing more while it stands rejected), so a second rejection answers 0.
    /// </summary>
    public int Reject(string bizCode)
    {
        if (LatestBizCode == bizCode)
        {
            var seconds = SinceLatest;
            LatestRejected = true;
            SinceLatest = 0;
            return seconds;
        }

        if (Earlier.FirstOrDefault(s => s.BizCode == bizCode) is not { } segment)
        {
            return 0;
        }

        var earned = segment.Credited;
        segment.Credited = 0;
        return earned;
    }
}
