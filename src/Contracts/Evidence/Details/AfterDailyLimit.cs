namespace Supervision.Contracts.Evidence.Details;

/// <summary>A report after today's limit was reached.</summary>
[StoredAs(AnomalyKind.AfterDailyLimit)]
public sealed record AfterDailyLimit(
    int TodayCredited,
    int LimitSeconds,
    int Claimed) : AnomalyDetails;
