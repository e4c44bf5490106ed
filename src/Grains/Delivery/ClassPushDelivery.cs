using Supervision.Contracts.Classes;
using Supervision.Contracts.Platforms;

namespace Supervision.Grains.Delivery;

/// <summary>
/// One 1.12 attempt: sends the class as it is now (the newest committed version) and records the answer's
/// accounts on the roster. The class grain's turn order means a push queued by a change still being written
/// waits here until that write has finished.
/// </summary>
public sealed class ClassPushDelivery(IGrainFactory grains, LearningPlatformClient client)
{
    public const string Path = "/api/v1/pushClassInfo";

    public async Task<AttemptOutcome> DeliverAsync(ClaimedDelivery delivery, CancellationToken cancellationToken)
    {
        var version = delivery.Version ?? 0;
        var grain = grains.GetGrain<IClassGrain>(delivery.ClassCode!);
        var view = await grain.Describe();
        if (view is null || view.PushVersion < version)
        {
            return AttemptOutcome.Discarded;
        }

        if (view.PushVersion > version)
        {
            return AttemptOutcome.Superseded;
        }

        var platform = await grains.GetGrain<IPlatformGrain>(view.LearningPlatformCode).Endpoint()
            ?? throw new DeliveryFailure($"learning platform {view.LearningPlatformCode} is not registered");
        using var answer = await client.PostAsync(platform, Path, PushClassInfoDocument.From(view), cancellationToken);
        await grain.RecordPushAnswer(version, PushAnswerReader.Read(answer.RootElement));
        return AttemptOutcome.Delivered;
    }
}
