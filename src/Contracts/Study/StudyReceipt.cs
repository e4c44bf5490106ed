namespace Supervision.Contracts.Study;

/// <summary>
/// What 1.10 answers in <c>returnData</c>, additive to the seed's envelope: the seconds credited by this
/// report, today's total and what is left of today's limit (null without a limit), and the resource's total.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StudyReceipt(
    [property: Id(0)] int Credited,
    [property: Id(1)] int TodayCredited,
    [property: Id(2)] int? TodayRemaining,
    [property: Id(3)] int ResourceCredited,
    [property: Id(4)] int ResourceDuration);
