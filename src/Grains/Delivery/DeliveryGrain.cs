using Supervision.Contracts.Evidence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Supervision.Contracts;
using Supervision.Contracts.Delivery;
using Supervision.Contracts.Platforms;

namespace Supervision.Grains.Delivery;

[StatelessWorker]
public sealed class DeliveryGrain(
    DeliveryOutbox outbox,
    FailingGrainMessages failingMessages,
    IOptions<DeliveryOptions> options,
    [FromKeyedServices(ClockKey.Name)] TimeProvider time) : Grain, IDeliveryGrain
{
    public Task<IReadOnlyList<DeliveryView>> List(string? status, int limit) => outbox.ListAsync(status, limit);

    public async Task<Outcome<DeliveryView>> Retry(long id, OperatorAction by)
    {
        if (await outbox.ReviveAsync(id, time.GetUtcNow(), options.Value.AttemptLimit, by) is { } revived)
        {
            return Outcome<DeliveryView>.Ok(revived);
        }

        return await outbox.FindAsync(id) is { } existing
            ? Outcome.Fail(ReturnCode.Conflict, $"id: delivery {id} is {existing.Status}; only a dead delivery can be retried")
            : Outcome.Fail(ReturnCode.DeliveryNotFound, $"id: no delivery {id}");
    }

    public Task<GrainMessagePage> FailingMessages(string status, int offset, int limit) => failingMessages.ReadAsync(status, offset, limit);

    public async Task<Outcome<DeliveryView>> RequestPull(string platformCode, OperatorAction by)
    {
        var platform = await GrainFactory.GetGrain<IPlatformGrain>(platformCode).Endpoint();
        if (platform is null)
        {
            return Outcome.Fail(ReturnCode.PlatformNotFound, $"code: no platform {platformCode}");
        }

        if (platform is not { Role: PlatformRole.Learning, ApiBaseUrl: not null })
        {
            return Outcome.Fail(ReturnCode.Conflict, $"code: {platformCode} is not a learning platform with an apiBaseUrl");
        }

        var now = time.GetUtcNow();
        var view = await outbox.EnqueuePullAsync(platformCode, $"pull:{platformCode}:on-demand:{Guid.NewGuid():N}", now, options.Value.AttemptLimit, by);
        return Outcome<DeliveryView>.Ok(view);
    }
}
