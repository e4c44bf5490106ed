namespace Supervision.Contracts.Delivery;

/// <summary>The operator's view of the outbox of calls to learning platforms.</summary>
public interface IDeliveryGrain : IGrainWithIntegerKey
{
    /// <summary>Newest first; <paramref name="status"/> is a <see cref="DeliveryStatus"/> value or null for all.</summary>
    Task<IReadOnlyList<DeliveryView>> List(string? status, int limit);

    /// <summary>Gives a dead delivery a fresh attempt budget, due now.</summary>
    Task<Outcome<DeliveryView>> Retry(long id);

    /// <summary>Queues a pull of a learning platform's whole catalogue.</summary>
    Task<Outcome<DeliveryView>> RequestPull(string platformCode);
}
