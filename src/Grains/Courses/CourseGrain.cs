using Microsoft.Extensions.DependencyInjection;
using Supervision.Contracts;
using Supervision.Contracts.Courses;

namespace Supervision.Grains.Courses;

public sealed class CourseGrain(
    [PersistentState("course", StorageNames.Main)] IPersistentState<CourseState> state,
    [FromKeyedServices(ClockKey.Name)] TimeProvider time) : Grain, ICourseGrain
{
    public async Task<Outcome> Apply(CoursePackage package, string learningPlatformCode)
    {
        if (state.RecordExists && state.State.PlatformCode != learningPlatformCode)
        {
            return Outcome.Fail(ReturnCode.OwnedByAnotherPlatform, $"courseCode: course {package.CourseCode} belongs to another learning platform");
        }

        // A delete keeps the last known content: classes that already teach the course still need its tree.
        var deleted = package.CourseStatus == CourseStatus.Delete;
        state.State.PlatformCode = learningPlatformCode;
        state.State.Package = deleted ? state.State.Package ?? package : package;
        state.State.Deleted = deleted;
        state.State.UpdatedAt = time.GetUtcNow();
        await state.WriteStateAsync();
        return Outcome.Ok;
    }

    public Task<CourseView?> Describe() => Task.FromResult(state.RecordExists && state.State.Package is { } package
        ? new CourseView(state.State.PlatformCode, package, state.State.Deleted, state.State.UpdatedAt)
        : null);
}
