using Microsoft.Extensions.DependencyInjection;
using Supervision.Contracts;
using Supervision.Contracts.Courses;
using Supervision.Grains.Evidence;
using Supervision.Grains.Platforms;

namespace Supervision.Grains.Courses;

public sealed class CourseGrain(
    LedgeredStates states,
    PlatformHoldings holdings,
    [PersistentState(CourseGrain.StateKind, StorageNames.Main)] IPersistentState<CourseState> earlier,
    [FromKeyedServices(ClockKey.Name)] TimeProvider time) : Grain, ICourseGrain
{
    private const string StateKind = "course";

    private LedgeredState<CourseState> store = null!;

    private CourseState State => store.Current;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        store = states.For<CourseState>(StateKind, this.GetPrimaryKeyString());
        await store.LoadAsync();
        await OrleansStateMove.MoveAsync(store, earlier, time.GetUtcNow());
    }

    public async Task<Outcome> Apply(CoursePackage package, string learningPlatformCode, string? businessPlatformCode)
    {
        if (store.RecordExists && State.PlatformCode != learningPlatformCode)
        {
            return Outcome.Fail(ReturnCode.OwnedByAnotherPlatform, $"courseCode: {package.CourseCode} cannot be used by this platform; choose another code");
        }

        if (store.RecordExists && businessPlatformCode is not null && State.BusinessPlatformCode.Length > 0 && State.BusinessPlatformCode != businessPlatformCode)
        {
            // The code is derived from the learning platform and the names: only the same names for the same platform collide.
            return Outcome.Fail(ReturnCode.OwnedByAnotherPlatform, "courseName: this course cannot be registered by this platform for this learning platform; choose another name");
        }

        // A delete keeps the last known content: classes that already teach the course still need its tree.
        var deleted = package.CourseStatus == CourseStatus.Delete;
        // Every field is replaced, so the draft is new rather than a copy: a course tree can be large.
        var now = time.GetUtcNow();
        var change = new StateChange<CourseState>(new CourseState
        {
            PlatformCode = learningPlatformCode,
            Package = deleted ? State.Package ?? package : package,
            Deleted = deleted,
            UpdatedAt = now,
            BusinessPlatformCode = businessPlatformCode ?? State.BusinessPlatformCode,
        }, now);
        change.Rows.Add(holdings.Row(HoldingKind.Course, businessPlatformCode ?? learningPlatformCode, package.CourseCode));
        await store.CommitAsync(change);
        return Outcome.Ok;
    }

    public Task<CourseView?> Describe() => Task.FromResult(store.RecordExists && State.Package is { } package
        ? new CourseView(State.PlatformCode, package, State.Deleted, State.UpdatedAt)
        : null);
}
