using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Supervision.Contracts;
using Supervision.Silo;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Demo;

/// <summary>
/// A silo replaying a past day starts only when the day comes after everything its database holds: a replay adds
/// history to an empty record, and cannot write a day in among the records a learner's study already made.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ReplayClockGuardTests(SupervisionCluster system)
{
    [Fact]
    public async Task A_replay_of_a_day_before_stored_study_is_refused_and_one_after_it_may_start()
    {
        var learner = await Learner.EnrolAsync(system);
        EnvelopeAssert.Code("0", await learner.StartAsync());
        system.Clock.Advance(TimeSpan.FromMinutes(1));
        EnvelopeAssert.Code("0", await learner.ReportAsync(60, 60));
        var studied = system.Clock.GetUtcNow();
        await using var dataSource = NpgsqlDataSource.Create(system.ConnectionString);
        var real = new FakeTimeProvider(studied.AddDays(2));

        var backdated = new ReplayClockGuard(dataSource, Replay(real, from: studied.AddHours(-2)));
        var afterwards = new ReplayClockGuard(dataSource, Replay(real, from: studied.AddHours(1)));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => backdated.CheckAsync(CancellationToken.None));
        Assert.Contains("a replayed day may only come after everything stored", refused.Message);
        await afterwards.CheckAsync(CancellationToken.None);
        await new ReplayClockGuard(dataSource, TimeProvider.System).CheckAsync(CancellationToken.None);
    }

    private static ReplayClock Replay(TimeProvider real, DateTimeOffset from) =>
        new(real, new ReplayClockSettings { ReplayFrom = from, ReplayLength = TimeSpan.FromHours(10), ReplaySpeed = 60 });
}
