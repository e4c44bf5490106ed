namespace Supervision.Grains.Evidence;

/// <summary>A student-class grain's serialized state, written in the same transaction as its evidence.</summary>
public sealed record StateSnapshot(string ClassCode, string StudentUserCode, long Version, byte[] Payload, DateTimeOffset At);
