using Supervision.Contracts.Classes;
using Supervision.Grains.Study;

namespace Supervision.Tests.Rules;

public sealed class CheckScheduleTests
{
    private static readonly ClassPolicy EveryTenMinutes = new() { VideoOnHook = 1, TriggerType = 1, TriggerValue = 10 };
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_check_falls_due_when_progress_reaches_its_point_and_not_before()
    {
        var schedule = new CheckSchedule();

        schedule.Observe(599, T0, EveryTenMinutes, 3600);
        Assert.Null(schedule.DueSince);
        schedule.Observe(600, T0.AddSeconds(1), EveryTenMinutes, 3600);

        Assert.Equal(T0.AddSeconds(1), schedule.DueSince);
    }

    [Fact]
    public void A_due_check_is_overdue_only_after_its_validity()
    {
        var schedule = new CheckSchedule { DueSince = T0 };

        Assert.False(schedule.IsOverdue(T0.AddMinutes(5), TimeSpan.FromMinutes(5)));
        Assert.True(schedule.IsOverdue(T0.AddMinutes(5).AddSeconds(1), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void A_pass_clears_every_point_reached_and_the_one_just_ahead_but_prepays_no_later_one()
    {
        var schedule = new CheckSchedule { DueSince = T0, CreditedPastDue = 40 };

        schedule.Pass(1795, EveryTenMinutes, 3600);

        Assert.Equal(3, schedule.Cleared);
        Assert.Null(schedule.DueSince);
        Assert.Equal(0, schedule.CreditedPastDue);
        Assert.Equal(2400, schedule.NextPoint(EveryTenMinutes, 3600));
    }

    [Fact]
    public void Progress_counts_the_seconds_played_when_the_position_keeps_going_back()
    {
        var rewatched = new ResourceStudy { Position = 120, Played = 900 };

        Assert.Equal(900, rewatched.Reached);
    }
}
