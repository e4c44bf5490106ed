namespace Supervision.Grains.Delivery;

/// <summary>One message to a grain, as its row of the deliveries outbox (<see cref="GrainMessages"/>).</summary>
public sealed record GrainMessage(string Kind, string PlatformCode, string Target, string DedupKey, byte[] Payload, DateTimeOffset At);
