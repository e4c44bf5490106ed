namespace Supervision.Contracts.Delivery;

/// <summary>The operator's view of the outbox of calls to learning platforms.</summary>
public interface IDeliveryGrain : IGrainWithIntegerKey
{
    /// <summary>Newest first; <paramref name="status"/> is a <see cref="DeliveryStatus"/> value or null for all.</summary>
    Task<IReadOnlyList<DeliveryView>> List(string? status, int limit);

    /// <summary>Gives a dead delivery a fresh attempt budget, due now.</summary>
    /// <summary>Sends a dead delivery back to be tried again, recorded as evidence with who did it.</summary>
    Task<Outcome<DeliveryView>> Retry(long id, Evidence.OperatorAction by);

    /// <summary>
    /// Messages between grains (a pass, a rejection) that keep failing: <paramref name="status"/> is
    /// <see cref="DeliveryStatus.Failed"/> (retrying and dead), <see cref="DeliveryStatus.Retrying"/> or <see cref="DeliveryStatus.Dead"/>.
    /// </summary>
    Task<GrainMessagePage> FailingMessages(string status, int offset, int limit);

    /// <summary>Queues a pull of a learning platform's whole catalogue, recorded as catalogue_pull evidence with who asked.</summary>
    Task<Outcome<DeliveryView>> RequestPull(string platformCode, Evidence.OperatorAction by);
}
