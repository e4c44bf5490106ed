namespace Supervision.Contracts.Charts;

/// <summary>
/// Seconds credited on one China day to one class on one learning platform, net of what a review voided that day; with the
/// class's name (null for a class the directory does not list), so a chart names its bars.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DailyCredit(
    [property: Id(0)] DateOnly Day, [property: Id(1)] string ClassCode, [property: Id(2)] string PlatformCode, [property: Id(3)] long Credited,
    [property: Id(4)] string? ClassName = null);
