using Microsoft.Extensions.DependencyInjection;
using Supervision.Contracts;
using Supervision.Contracts.Platforms;
using Supervision.Contracts.Teachers;
using Supervision.Grains.Evidence;
using Supervision.Grains.Platforms;

namespace Supervision.Grains.Teachers;

public sealed class TeacherGrain(
    LedgeredStates states,
    PlatformHoldings holdings,
    [PersistentState(TeacherGrain.StateKind, StorageNames.Main)] IPersistentState<TeacherState> earlier,
    [FromKeyedServices(ClockKey.Name)] TimeProvider time) : Grain, ITeacherGrain
{
    private const string StateKind = "teacher";

    private LedgeredState<TeacherState> store = null!;

    private TeacherState State => store.Current;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        store = states.For<TeacherState>(StateKind, this.GetPrimaryKeyString());
        await store.LoadAsync();
        await OrleansStateMove.MoveAsync(store, earlier, time.GetUtcNow());
    }

    public async Task<Outcome> Register(TeacherRegistration registration, string businessPlatformCode)
    {
        if (store.RecordExists && State.BusinessPlatformCode != businessPlatformCode)
        {
            return Outcome.Fail(ReturnCode.OwnedByAnotherPlatform, $"teaCode: teacher {Key} belongs to another business platform");
        }

        var learningPlatform = await GrainFactory.GetGrain<IPlatformDirectoryGrain>(0).FindLearningPlatformByApiUrl(registration.StudyPlatformApiUrl);
        if (learningPlatform is null)
        {
            return Outcome.Fail(ReturnCode.UnknownLearningPlatform, "studyPlatformApiUrl: no learning platform is registered at this address");
        }

        if (State.Registration == registration)
        {
            return Outcome.Ok;
        }

        if (!store.RecordExists && await holdings.RefusalAsync(HoldingKind.Teacher, businessPlatformCode, [Key], "teaCode") is { } beyond)
        {
            return beyond;
        }

        var change = store.Change(time.GetUtcNow());
        change.Draft.Registration = registration;
        change.Draft.BusinessPlatformCode = businessPlatformCode;
        change.Draft.LearningPlatformCode = learningPlatform;
        change.Draft.UpdatedAt = change.Now;
        change.Rows.Add(holdings.Row(HoldingKind.Teacher, businessPlatformCode, Key));
        await store.CommitAsync(change);
        return Outcome.Ok;
    }

    private string Key => this.GetPrimaryKeyString();

    public Task<TeacherRegistration?> Describe() => Task.FromResult(State.Registration);
}
