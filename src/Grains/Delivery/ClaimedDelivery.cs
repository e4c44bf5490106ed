namespace Supervision.Grains.Delivery;

/// <summary>A due delivery that this silo leased.</summary>
public sealed record ClaimedDelivery(long Id, string Kind, string PlatformCode, string? ClassCode, int? Version, int Attempts, int AttemptLimit)
{
    /// <summary>Failing this attempt spends the budget: the outbox marks the delivery dead (the same rule as its FailAsync).</summary>
    public bool IsLastAllowedAttempt => Attempts + 1 >= AttemptLimit;
}
