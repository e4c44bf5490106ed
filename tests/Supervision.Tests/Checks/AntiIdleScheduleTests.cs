using Supervision.Contracts.Classes;
using Supervision.Grains.Checks;

namespace Supervision.Tests.Checks;

public sealed class AntiIdleScheduleTests
{
    private static List<int?> FirstDue(ClassPolicy policy, int duration, int count) =>
        Enumerable.Range(0, count).Select(i => AntiIdleSchedule.DueAt(policy, duration, i)).ToList();

    [Fact]
    public void Fixed_time_asks_every_N_minutes_of_play() =>
        Assert.Equal([120, 240, 360], FirstDue(new ClassPolicy { VideoOnHook = 1, TriggerType = 1, TriggerValue = 2 }, 0, 3));

    [Fact]
    public void Increasing_asks_at_N_3N_6N_10N_minutes() =>
        Assert.Equal([60, 180, 360, 600], FirstDue(new ClassPolicy { VideoOnHook = 2, TriggerType = 2, TriggerValue = 1 }, 0, 4));

    [Fact]
    public void Fixed_count_asks_at_the_fractions_the_player_rounds_to_two_places_the_last_at_the_end_and_stops() =>
        Assert.Equal([132, 268, 400, null], FirstDue(new ClassPolicy { VideoOnHook = 1, TriggerType = 0, TriggerValue = 3 }, 400, 4));

    [Fact]
    public void A_class_that_asks_for_checks_without_saying_when_gets_one_every_ten_minutes() =>
        Assert.Equal([600, 1200], FirstDue(new ClassPolicy { VideoOnHook = 1 }, 0, 2));

    [Fact]
    public void A_class_without_anti_idle_checks_never_asks() =>
        Assert.Equal([null, null], FirstDue(new ClassPolicy { TriggerType = 1, TriggerValue = 1 }, 0, 2));

    [Fact]
    public void A_check_is_valid_for_faceTimeLimit_minutes_else_five() =>
        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)], [AntiIdleSchedule.Validity(new ClassPolicy { FaceTimeLimit = 1 }), AntiIdleSchedule.Validity(new ClassPolicy())]);
}
