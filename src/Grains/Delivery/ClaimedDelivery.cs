namespace Supervision.Grains.Delivery;

/// <summary>A due delivery that this silo leased.</summary>
public sealed record ClaimedDelivery(long Id, string Kind, string PlatformCode, string? ClassCode, int? Version, int Attempts, int AttemptLimit);
