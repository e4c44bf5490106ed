using Microsoft.Extensions.DependencyInjection;
using Supervision.Contracts;
using Supervision.Contracts.Platforms;
using Supervision.Contracts.Teachers;

namespace Supervision.Grains.Teachers;

public sealed class TeacherGrain(
    [PersistentState("teacher", StorageNames.Main)] IPersistentState<TeacherState> state,
    [FromKeyedServices(ClockKey.Name)] TimeProvider time) : Grain, ITeacherGrain
{
    public async Task<Outcome> Register(TeacherRegistration registration, string businessPlatformCode)
    {
        if (state.RecordExists && state.State.BusinessPlatformCode != businessPlatformCode)
        {
            return Outcome.Fail(ReturnCode.OwnedByAnotherPlatform, $"teaCode: teacher {this.GetPrimaryKeyString()} belongs to another business platform");
        }

        var learningPlatform = await GrainFactory.GetGrain<IPlatformDirectoryGrain>(0).FindLearningPlatformByApiUrl(registration.StudyPlatformApiUrl);
        if (learningPlatform is null)
        {
            return Outcome.Fail(ReturnCode.UnknownLearningPlatform, "studyPlatformApiUrl: no learning platform is registered at this address");
        }

        if (state.State.Registration == registration)
        {
            return Outcome.Ok;
        }

        state.State.Registration = registration;
        state.State.BusinessPlatformCode = businessPlatformCode;
        state.State.LearningPlatformCode = learningPlatform;
        state.State.UpdatedAt = time.GetUtcNow();
        await state.WriteStateAsync();
        return Outcome.Ok;
    }

    public Task<TeacherRegistration?> Describe() => Task.FromResult(state.State.Registration);
}
