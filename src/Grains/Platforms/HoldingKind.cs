namespace Supervision.Grains.Platforms;

/// <summary>The kinds of record a platform holds and is bounded in (<see cref="PlatformHoldings"/>), as stored.</summary>
public static class HoldingKind
{
    public const string Teacher = "teacher";
    public const string Course = "course";
    public const string Person = "person";
}
