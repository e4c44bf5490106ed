using Supervision.Contracts.Crowds;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Flags;

/// <summary>
/// Study-for-hire against honest groups (docs/study-rules.md "Crowds"). Each test sweeps the ledger itself, once its
/// people have studied; the periodic sweep is off in tests. Reports are the public client's: 60 s of play a minute.
/// Classes ask for a pop-up code every 5 minutes of play: a second after that minute's report, the player pauses and
/// asks for it; a person answers at their own speed and the player's 60 s timer restarts when play resumes.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CrowdFlagTests(SupervisionCluster system)
{
    private const int Minutes = 16;

    private const int CheckMinutes = 5;

    private static readonly object CodeEveryFiveMinutes = new { videoOnHook = 1, faceTimeLimit = 2, videoOnHookDetail = new { triggerType = 1, triggervValue = CheckMinutes } };

    [Fact]
    public async Task A_lockstep_crowd_of_five_accounts_from_one_script_is_flagged_on_every_account_with_its_companions()
    {
        var crowd = await PeopleAsync(5, _ => "hire-" + TestIds.Code());
        var device = crowd[0].DeviceId;
        crowd.ForEach(l => l.DeviceId = device);

        // One script: every call for every account in the same instant, with the same values; checks asked for and
        // answered in lockstep, 3 s after they are issued, and its clock never pauses.
        await PlayAsync(crowd.SelectMany(l => Study(l, TimeSpan.Zero, _ => TimeSpan.Zero, _ => 3_000, restartsTimer: false)));
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
            Assert.Equal(Minutes / CheckMinutes, (int)flag["details"]!["answerCoincidences"]!);
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
    public async Task A_lockstep_crowd_in_a_class_that_checks_rarely_is_flagged_once_two_of_its_answers_coincided()
    {
        // Checks rarer than the reports' 30 minutes (the shipped default asks once an hour): the two coinciding
        // answers lie further back than the reports the sweep reads. 105 minutes stay within one 2-hour login.
        var rarely = new { videoOnHook = 1, faceTimeLimit = 2, videoOnHookDetail = new { triggerType = 1, triggervValue = 50 } };
        var crowd = await PeopleAsync(5, _ => "hire-" + TestIds.Code(), rarely);
        crowd.ForEach(l => l.DeviceId = crowd[0].DeviceId);

        await PlayAsync(crowd.SelectMany(l => Study(l, TimeSpan.Zero, _ => TimeSpan.Zero, _ => 3_000, restartsTimer: false, minutes: 105, checkEvery: 50)));
        var sweep = await Sweep();

        Assert.Equal(crowd.Select(Key).Order(StringComparer.Ordinal), Assert.Single(sweep.Groups, g => g.Contains(Key(crowd[0]))));
        foreach (var learner in crowd)
        {
            Assert.Equal(2, (int)Assert.Single(await FlagDesk.FlagsAsync(learner, "crowd_lockstep"))["details"]!["answerCoincidences"]!);
        }
    }

    [Fact]
    public async Task An_office_starting_together_on_its_own_PCs_is_never_flagged()
    {
        var office = await PeopleAsync(5, k => $"office-{TestIds.Code()}-pc{k}");
        var jitter = new Random(21);

        // Everyone clicks play in the same second; each PC's timer and network then jitter by up to a second or so.
        await PlayAsync(office.SelectMany(l => Study(l, TimeSpan.Zero, _ => TimeSpan.FromMilliseconds(jitter.Next(0, 1_500)), _ => jitter.Next(2_000, 10_000), restartsTimer: true)));
        var sweep = await Sweep();

        await AssertNeverFlaggedAsync(office, sweep);
    }

    [Fact]
    public async Task An_office_starting_in_the_same_second_on_the_platforms_constant_127_0_0_1_is_never_flagged()
    {
        var office = await PeopleAsync(5, _ => "127.0.0.1");
        var human = new Random(7);

        // Play clicked in one second; each PC's reports then arrive with its own network delay (±0.5 s), and each person
        // answers the class's checks in 2-10 s, so each timer restarts at its own time.
        await PlayAsync(office.SelectMany((l, k) => Study(l, TimeSpan.FromMilliseconds(k * 150), _ => TimeSpan.FromMilliseconds(human.Next(0, 1_000)), _ => human.Next(2_000, 10_000), restartsTimer: true)));
        var sweep = await Sweep();

        await AssertNeverFlaggedAsync(office, sweep);
    }

    [Fact]
    public async Task An_office_without_checks_whose_reports_arrive_within_milliseconds_on_127_0_0_1_is_never_flagged()
    {
        var office = await PeopleAsync(5, _ => "127.0.0.1", checks: false);

        // The hardest honest case: play clicked within 40 ms on a fast LAN and nobody pauses, so the reports arrive
        // as close together as a script's. With no check answers to tell them apart, the sweep does not flag.
        await PlayAsync(office.SelectMany((l, k) => Study(l, TimeSpan.FromMilliseconds(k * 10), _ => TimeSpan.Zero, answerMillis: null, restartsTimer: true)));
        var sweep = await Sweep();

        await AssertNeverFlaggedAsync(office, sweep);
    }

    [Fact]
    public async Task People_sharing_one_training_room_PC_one_after_another_are_never_flagged()
    {
        var room = "room-pc-" + TestIds.Code();
        var people = await PeopleAsync(3, _ => room);
        var human = new Random(3);

        foreach (var person in people)
        {
            await PlayAsync(Study(person, TimeSpan.Zero, _ => TimeSpan.Zero, _ => human.Next(2_000, 10_000), restartsTimer: true));
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
        var human = new Random(5);

        // Each started when they sat down; their reports come on their own timers, in other seconds than anyone else's.
        await PlayAsync(learners.SelectMany((l, k) => Study(l, TimeSpan.FromSeconds(k * 7.3), _ => TimeSpan.Zero, _ => human.Next(2_000, 10_000), restartsTimer: true)));
        var sweep = await Sweep();

        await AssertNeverFlaggedAsync(learners, sweep);
    }

    /// <summary>People (different ID numbers) in classes of one pair of platforms, each on the device named for them.</summary>
    private Task<List<Learner>> PeopleAsync(int count, Func<int, string> device, bool checks = true) =>
        PeopleAsync(count, device, checks ? CodeEveryFiveMinutes : null);

    private async Task<List<Learner>> PeopleAsync(int count, Func<int, string> device, object? policy)
    {
        // Earlier tests' reports and answers fall out of the sweep's windows: what is swept is this test's study.
        system.Clock.Advance(TimeSpan.FromHours(4));
        var platforms = await Platforms.ProvisionAsync(system);
        var people = new List<Learner>();
        for (var k = 0; k < count; k++)
        {
            var learner = await Learner.EnrolAsync(system, policy, firstVideoSeconds: 9000, platforms: platforms);
            learner.DeviceId = device(k);
            people.Add(learner);
        }

        return people;
    }

    /// <summary>
    /// One learner's calls, at offsets from now: startStudy at <paramref name="start"/>, then a report each minute of
    /// its timer, arriving <paramref name="jitter"/> late; when <paramref name="answerMillis"/> is given, at every
    /// check point a code asked for a second after the report and answered that many ms after. A person's player
    /// restarts its timer when play resumes after the answer; a script's clock runs on.
    /// </summary>
    private static IEnumerable<(TimeSpan At, Func<Task> Call)> Study(
        Learner learner, TimeSpan start, Func<int, TimeSpan> jitter, Func<int, int>? answerMillis, bool restartsTimer, int minutes = Minutes, int checkEvery = CheckMinutes)
    {
        yield return (start, () => learner.StartAsync());
        var timer = start;
        var check = (BizCode: "", Code: "");
        for (var minute = 1; minute <= minutes; minute++)
        {
            timer += TimeSpan.FromMinutes(1);
            var position = minute * 60;
            var arrives = timer + jitter(minute);
            yield return (arrives, async () => EnvelopeAssert.Code("0", await learner.ReportAsync(position, 60)));
            if (answerMillis is null || minute % checkEvery != 0)
            {
                continue;
            }

            var asked = arrives + TimeSpan.FromSeconds(1);
            var answered = asked + TimeSpan.FromMilliseconds(answerMillis(minute));
            yield return (asked, async () => check = await learner.GetCodeAsync());
            yield return (answered, async () => EnvelopeAssert.Code("0", await learner.SubmitCodeAsync(check.BizCode, check.Code)));
            timer = restartsTimer ? answered + TimeSpan.FromMilliseconds(300) : timer;
        }
    }

    /// <summary>Runs the calls in time order on the test clock, each at its offset from now.</summary>
    private async Task PlayAsync(IEnumerable<(TimeSpan At, Func<Task> Call)> calls)
    {
        var origin = system.Clock.GetUtcNow();
        foreach (var (at, call) in calls.ToList().OrderBy(c => c.At))
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
