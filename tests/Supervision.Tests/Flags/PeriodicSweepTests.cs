using Supervision.Contracts.Crowds;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Flags;

/// <summary>The crowd sweep on its own: every silo's timer on the supervision clock, one sweep grain, each account flagged once.</summary>
public sealed class PeriodicSweepTests(SweepingSystem sweeping) : IClassFixture<SweepingSystem>
{
    private static readonly object CodeEveryFiveMinutes = new { videoOnHook = 1, faceTimeLimit = 2, videoOnHookDetail = new { triggerType = 1, triggervValue = 5 } };

    private SupervisionCluster System => sweeping.System;

    [Fact]
    public async Task A_crowd_is_flagged_by_the_periodic_sweep_without_anyone_asking_and_only_once()
    {
        var platforms = await Platforms.ProvisionAsync(System);
        var crowd = new List<Learner>();
        for (var k = 0; k < 3; k++)
        {
            var learner = await Learner.EnrolAsync(System, CodeEveryFiveMinutes, firstVideoSeconds: 3600, platforms: platforms);
            learner.DeviceId = "hire-pc";
            crowd.Add(learner);
        }

        foreach (var learner in crowd)
        {
            EnvelopeAssert.Code("0", await learner.StartAsync());
        }

        for (var minute = 1; minute <= 16; minute++)
        {
            System.Clock.Advance(TimeSpan.FromMinutes(1));
            foreach (var learner in crowd)
            {
                EnvelopeAssert.Code("0", await learner.ReportAsync(minute * 60, 60));
            }

            if (minute % 5 == 0)
            {
                // The script asks for every account's check at once and answers them all 3 s later.
                System.Clock.Advance(TimeSpan.FromSeconds(1));
                var checks = new List<(string BizCode, string Code)>();
                foreach (var learner in crowd)
                {
                    checks.Add(await learner.GetCodeAsync());
                }

                System.Clock.Advance(TimeSpan.FromSeconds(3));
                for (var k = 0; k < crowd.Count; k++)
                {
                    EnvelopeAssert.Code("0", await crowd[k].SubmitCodeAsync(checks[k].BizCode, checks[k].Code));
                }
            }
        }

        // The next tick of either silo's timer sweeps; a sweep after it finds the same crowd and raises nothing new.
        System.Clock.Advance(TimeSpan.FromMinutes(5));
        foreach (var learner in crowd)
        {
            await WaitForFlagAsync(learner);
        }

        var after = await System.Grains.GetGrain<ICrowdWatchGrain>(0).Sweep();

        Assert.Equal(0, after.Flagged);
        Assert.Contains(after.Groups, g => g.Count == 3 && crowd.All(l => g.Contains($"{l.ClassCode}/{l.StudentUserCode}")));
        foreach (var learner in crowd)
        {
            Assert.Single(await FlagDesk.FlagsAsync(learner, "crowd_lockstep"));
        }
    }

    private static async Task WaitForFlagAsync(Learner learner)
    {
        // The sweep runs on the silos' timers, not in the test's call: it is given real time to finish.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while ((await FlagDesk.FlagsAsync(learner, "crowd_lockstep")).Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{learner.StudentUserCode} was not flagged by the periodic sweep within 10 s");
            await Task.Delay(50);
        }
    }
}
