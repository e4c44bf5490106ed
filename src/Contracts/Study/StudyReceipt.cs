namespace Supervision.Contracts.Study;

/// <summary>
/// What 1.10 answers in <c>returnData</c>, additive to the seed's envelope: the seconds credited by this
/// report, today's total and what is left of today's limit (null without a limit), the resource's total,
/// and the anti-idle check now due, if any.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StudyReceipt(
    [property: Id(0)] int Credited,
    [property: Id(1)] int TodayCredited,
    [property: Id(2)] int? TodayRemaining,
    [property: Id(3)] int ResourceCredited,
    [property: Id(4)] int ResourceDuration,
    [property: Id(5)] Checks.CheckDue? CheckDue = null);
