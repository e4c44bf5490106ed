namespace Supervision.Grains.Evidence;

/// <summary>A grain's serialized state, written in the same transaction as its evidence.</summary>
public sealed record StateSnapshot(string Kind, string Key, long Version, byte[] Payload, DateTimeOffset At);
