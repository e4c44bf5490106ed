namespace Supervision.Grains.Delivery;

/// <summary>A due delivery that this silo leased: a call to a learning platform, or a message to a grain.</summary>
public sealed record ClaimedDelivery(long Id, string Kind, string PlatformCode, string? ClassCode, int? Version, int Attempts, int AttemptLimit)
{
    /// <summary>For a message to a grain (<see cref="GrainMessages"/>): the receiving grain's key.</summary>
    public string? Target { get; init; }

    /// <summary>For a message to a grain: the message, serialized.</summary>
    public byte[]? Payload { get; init; }

    /// <summary>Failing this attempt spends the budget: the outbox marks the delivery dead (the same rule as its FailAsync).</summary>
    public bool IsLastAllowedAttempt => Attempts + 1 >= AttemptLimit;
}
