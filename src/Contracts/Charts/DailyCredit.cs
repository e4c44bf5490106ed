namespace Supervision.Contracts.Charts;

/// <summary>Seconds credited on one China day to one class on one learning platform, net of what a review voided that day.</summary>
[GenerateSerializer, Immutable]
public sealed record DailyCredit([property: Id(0)] DateOnly Day, [property: Id(1)] string ClassCode, [property: Id(2)] string PlatformCode, [property: Id(3)] long Credited);
