namespace Supervision.Grains.Delivery;

/// <summary>A 1.12 push of one version of a class, as its row of the deliveries outbox (<see cref="DeliveryOutbox.Push"/>).</summary>
public sealed record QueuedPush(string ClassCode, string PlatformCode, int Version, DateTimeOffset At, int AttemptLimit);
