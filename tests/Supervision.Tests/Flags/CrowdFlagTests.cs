using Supervision.Contracts.Crowds;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Flags;

/// <summary>
/// Study-for-hire against honest groups (docs/study-rules.md "Crowds"). Each test sweeps the ledger itself, once its
/// people have studied; the periodic sweep is off in tests. Reports are the public client's: 60 s of play a minute.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CrowdFlagTests(SupervisionCluster system)
{
    private const int Minutes = 16;

    [Fact]
    public async Task A_lockstep_crowd_of_five_accounts_from_one_script_is_flagged_on_every_account_with_its_companions()
    {
        var crowd = await PeopleAsync(5, _ => "hire-" + TestIds.Code());
        var device = crowd[0].DeviceId;
        crowd.ForEach(l => l.DeviceId = device);

        // One script: every call for every account in the same instant, with the same values.
        await PlayAsync(crowd.Select(l => (TimeSpan.Zero, (Func<Task>)(() => l.StartAsync()))).Concat(
            Reports(crowd, _ => TimeSpan.Zero, (_, _) => TimeSpan.Zero)));
        var sweep = await Sweep();
        var again = await Sweep();

        var group = Assert.Single(sweep.Groups, g => g.Contains(Key(crowd[0])));
        Assert.Equal(crowd.Select(Key).Order(StringComparer.Ordinal), group);
        foreach (var learner in crowd)
        {
            var flag = Assert.Single(await FlagDesk.FlagsAsync(learner, "crowd_lockstep"));
            Assert.Equal("under_review", (string?)flag["review"]);
            Assert.Equal(crowd.Where(l => l != learner).Select(Key).Order(StringComparer.Ordinal), flag["details"]!["companions"]!.AsArray().Select(c => (string)c!));
            Assert.Equal([device], flag["details"]!["deviceIds"]!.AsArray().Select(d => (string)d!));
            Assert.Equal(Minutes, (int)flag["details"]!["coincidences"]!);
            Assert.Equal(Minutes * 60, await learner.StudyRecordAsync());
        }

        Assert.Equal(0, again.Flagged);

        // The operator voids one account: everything it earned since the first coinciding report; the others keep theirs until decided.
        var voided = await FlagDesk.DecideAsync(system, (long)(await FlagDesk.FlagsAsync(crowd[0], "crowd_lockstep"))[0]["id"]!, "void", "operator-3");
        EnvelopeAssert.Code("0", voided);
        Assert.Equal(Minutes * 60, (int)voided["returnData"]!["voidedSeconds"]!);
        Assert.Equal(0, await crowd[0].StudyRecordAsync());
        Assert.Equal(Minutes * 60, await crowd[1].StudyRecordAsync());
    }

    [Fact]
    public async Task An_office_starting_together_on_its_own_PCs_is_never_flagged()
    {
        var office = await PeopleAsync(5, k => $"office-{TestIds.Code()}-pc{k}");
        var jitter = new Random(21);

        // Everyone clicks play in the same second; each PC's timer and network then jitter by up to a second or so.
        await PlayAsync(office.Select(l => (TimeSpan.Zero, (Func<Task>)(() => l.StartAsync()))).Concat(
            Reports(office, _ => TimeSpan.Zero, (_, _) => TimeSpan.FromMilliseconds(jitter.Next(0, 1_500)))));
        var sweep = await Sweep();

        await AssertNeverFlaggedAsync(office, sweep);
    }

    [Fact]
    public async Task People_sharing_one_training_room_PC_one_after_another_are_never_flagged()
    {
        var room = "room-pc-" + TestIds.Code();
        var people = await PeopleAsync(3, _ => room);

        foreach (var person in people)
        {
            await PlayAsync(new[] { (TimeSpan.Zero, (Func<Task>)(() => person.StartAsync())) }.Concat(Reports([person], _ => TimeSpan.Zero, (_, _) => TimeSpan.Zero)));
            EnvelopeAssert.Code("0", await person.EndAsync());
            system.Clock.Advance(TimeSpan.FromSeconds(45)); // the next person sits down and logs in
        }

        var sweep = await Sweep();

        await AssertNeverFlaggedAsync(people, sweep);
    }

    [Fact]
    public async Task A_platform_that_sends_the_seeds_example_deviceId_for_everyone_is_never_flagged()
    {
        var learners = await PeopleAsync(5, _ => "127.0.0.1");

        // Each started when they sat down; their reports come on their own timers, in other seconds than anyone else's.
        await PlayAsync(learners.Select((l, k) => (TimeSpan.FromSeconds(k * 7.3), (Func<Task>)(() => l.StartAsync()))).Concat(
            Reports(learners, k => TimeSpan.FromSeconds(k * 7.3), (_, _) => TimeSpan.Zero)));
        var sweep = await Sweep();

        await AssertNeverFlaggedAsync(learners, sweep);
    }

    /// <summary>People (different ID numbers) in classes of one pair of platforms, each on the device named for them.</summary>
    private async Task<List<Learner>> PeopleAsync(int count, Func<int, string> device)
    {
        // Earlier tests' reports fall out of the sweep's window: what is swept is this test's study.
        system.Clock.Advance(TimeSpan.FromHours(1));
        var platforms = await Platforms.ProvisionAsync(system);
        var people = new List<Learner>();
        for (var k = 0; k < count; k++)
        {
            var learner = await Learner.EnrolAsync(system, firstVideoSeconds: 3600, platforms: platforms);
            learner.DeviceId = device(k);
            people.Add(learner);
        }

        return people;
    }

    /// <summary>Each learner's minute reports: at its start plus each minute, plus its jitter for that minute.</summary>
    private static IEnumerable<(TimeSpan, Func<Task>)> Reports(IReadOnlyList<Learner> learners, Func<int, TimeSpan> start, Func<int, int, TimeSpan> jitter) =>
        from minute in Enumerable.Range(1, Minutes)
        from k in Enumerable.Range(0, learners.Count)
        select (start(k) + TimeSpan.FromMinutes(minute) + jitter(k, minute), (Func<Task>)(async () =>
            EnvelopeAssert.Code("0", await learners[k].ReportAsync(minute * 60, 60))));

    /// <summary>Runs the calls in time order on the test clock, each at its offset from now.</summary>
    private async Task PlayAsync(IEnumerable<(TimeSpan At, Func<Task> Call)> calls)
    {
        var origin = system.Clock.GetUtcNow();
        foreach (var (at, call) in calls.OrderBy(c => c.At))
        {
            var wait = origin + at - system.Clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                system.Clock.Advance(wait);
            }

            await call();
        }
    }

    private async Task AssertNeverFlaggedAsync(IReadOnlyList<Learner> learners, CrowdSweep sweep)
    {
        Assert.DoesNotContain(sweep.Groups.SelectMany(g => g), learners.Select(Key).Contains);
        foreach (var learner in learners)
        {
            Assert.Empty(await learner.AnomalyKindsAsync());
            Assert.Equal(Minutes * 60, await learner.StudyRecordAsync());
        }
    }

    private Task<CrowdSweep> Sweep() => system.Grains.GetGrain<ICrowdWatchGrain>(0).Sweep();

    private static string Key(Learner learner) => $"{learner.ClassCode}/{learner.StudentUserCode}";
}
