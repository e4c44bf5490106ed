using Orleans.Runtime;
using Supervision.Contracts.Study;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Study;

/// <summary>
/// 2.5 answers a class's study records from what its learners committed (their snapshots and the report rows after
/// them), not by calling each learner's grain: the answer is exactly what the grains hold, whatever each learner did,
/// and a class whose learners have left memory is answered without waking one of them.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CommittedStudyRecordsTests(SupervisionCluster system)
{
    private const string ClassStudy = "/api/class/v1/classStudentStudy";

    [Fact]
    public async Task Learners_with_every_kind_of_history_are_answered_exactly_what_their_grains_hold()
    {
        var platforms = await Platforms.ProvisionAsync(system);
        var classCode = TestIds.Code();
        var roster = Enumerable.Range(0, 7).Select(_ => (CardNo: TestIds.IdNumber(), Code: TestIds.Code("s"))).ToList();
        EnvelopeAssert.Code("0", await system.PostEnvelopeAsync("/api/class/v1/pushClassInfo",
            platforms.ClassBody(classCode, 3600, roster.Select(s => (s.CardNo, s.Code, "张丽")).ToArray()), platforms.BusinessToken));
        var learners = roster.Select(s => new Learner(system, platforms, classCode, s.Code, s.CardNo)).ToList();
        var (honest, cheat, paused, twoVideos, yielded, rebuilt) = (learners[0], learners[1], learners[2], learners[3], learners[4], learners[5]);

        // Left memory and came back mid-span: rebuilt from its snapshot and rows, then played on; first, so that
        // the others' grains stay live until they are compared.
        EnvelopeAssert.Code("0", await rebuilt.StartAsync());
        await rebuilt.PlayMinutesAsync(2);
        await system.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await rebuilt.PlayMinutesAsync(2, 120);

        // Honest: five minutes after the start, all kept in report rows after the start's snapshot.
        EnvelopeAssert.Code("0", await honest.StartAsync());
        await honest.PlayMinutesAsync(5);

        // A script claiming ten minutes a minute: the clock credits what passed and refuses the rest.
        EnvelopeAssert.Code("0", await cheat.StartAsync());
        for (var i = 1; i <= 4; i++)
        {
            system.Clock.Advance(TimeSpan.FromSeconds(60));
            await cheat.ReportAsync(i * 600, 600);
        }

        // Paused with the player's flush, then resumed by a later report.
        EnvelopeAssert.Code("0", await paused.StartAsync());
        await paused.PlayMinutesAsync(2);
        EnvelopeAssert.Code("0", await paused.PauseAsync());
        system.Clock.Advance(TimeSpan.FromSeconds(5));
        await paused.ReportAsync(125, 5);
        system.Clock.Advance(TimeSpan.FromMinutes(30));
        await paused.PlayMinutesAsync(2, 125);

        // Two videos: the first span closed by the second's start, and a late report on the closed one.
        EnvelopeAssert.Code("0", await twoVideos.StartAsync());
        await twoVideos.PlayMinutesAsync(2);
        EnvelopeAssert.Code("0", await twoVideos.StartAsync(twoVideos.SecondVideo));
        await twoVideos.PlayMinutesAsync(3, resCode: twoVideos.SecondVideo);
        await twoVideos.ReportAsync(180, 60);

        // The same person starts in another class: the span here yields to it.
        EnvelopeAssert.Code("0", await yielded.StartAsync());
        await yielded.PlayMinutesAsync(2);
        var elsewhere = await yielded.EnrolInAnotherClassAsync(firstVideoSeconds: 3600);
        EnvelopeAssert.Code("0", await elsewhere.StartAsync());
        await elsewhere.PlayMinutesAsync(1);

        // learners[6] never studied: no record.
        var answer = await StudyRecordsAsync(platforms, classCode);
        var grains = await GrainRecordsAsync(classCode, roster);

        Assert.Equal(grains, answer);
        Assert.Equal(300, Seconds(answer, honest.StudentUserCode, honest.FirstVideo));
        Assert.Equal(245, Seconds(answer, paused.StudentUserCode, paused.FirstVideo));
        Assert.Equal(180, Seconds(answer, twoVideos.StudentUserCode, twoVideos.SecondVideo));
        Assert.Equal(240, Seconds(answer, rebuilt.StudentUserCode, rebuilt.FirstVideo));
        Assert.InRange(Seconds(answer, cheat.StudentUserCode, cheat.FirstVideo), 1, 4 * 60 + 5);
        Assert.DoesNotContain(answer, r => r.UserCode == learners[6].StudentUserCode);
    }

    [Fact]
    public async Task A_2_5_over_a_class_whose_learners_left_memory_wakes_none_of_them_and_answers_as_before()
    {
        const int Students = 40;
        var platforms = await Platforms.ProvisionAsync(system);
        var classCode = TestIds.Code();
        var roster = Enumerable.Range(0, Students).Select(_ => (CardNo: TestIds.IdNumber(), Code: TestIds.Code("s"))).ToList();
        EnvelopeAssert.Code("0", await system.PostEnvelopeAsync("/api/class/v1/pushClassInfo",
            platforms.ClassBody(classCode, 3600, roster.Select(s => (s.CardNo, s.Code, "张丽")).ToArray()), platforms.BusinessToken));
        var learners = roster.Select(s => new Learner(system, platforms, classCode, s.Code, s.CardNo)).ToList();
        foreach (var learner in learners)
        {
            EnvelopeAssert.Code("0", await learner.StartAsync());
        }

        system.Clock.Advance(TimeSpan.FromSeconds(60));
        foreach (var learner in learners)
        {
            await learner.ReportAsync(60, 60);
        }

        var live = await StudyRecordsAsync(platforms, classCode);
        var management = system.Grains.GetGrain<IManagementGrain>(0);
        await management.ForceActivationCollection(TimeSpan.Zero);
        var before = await StudentClassActivationsAsync(management);

        var cold = await StudyRecordsAsync(platforms, classCode);
        var after = await StudentClassActivationsAsync(management);

        Assert.Equal(0, before);
        Assert.Equal(0, after);
        Assert.Equal(live, cold);
        Assert.Equal(Students, cold.Count);
        Assert.All(cold, r => Assert.Equal(60, r.Seconds));
    }

    private async Task<List<Row>> StudyRecordsAsync(Platforms platforms, string classCode)
    {
        var answer = await system.PostEnvelopeAsync(ClassStudy, new { classCode }, platforms.BusinessToken);
        EnvelopeAssert.Code("0", answer);
        return answer["returnData"]!.AsArray().Select(r => new Row(
            (string)r!["userCode"]!, (string)r["courseCode"]!, (string)r["sectionCode"]!, (string)r["resCode"]!,
            int.Parse((string)r["playTime"]!), (string)r["classCode"]!)).ToList();
    }

    /// <summary>What the learners' grains answer, in roster order: what 2.5 answered before it read committed state.</summary>
    private async Task<List<Row>> GrainRecordsAsync(string classCode, IEnumerable<(string CardNo, string Code)> roster)
    {
        var rows = new List<Row>();
        foreach (var (cardNo, code) in roster)
        {
            var credit = await system.Grains.GetGrain<IStudentClassGrain>(StudentClassKey.Of(classCode, code)).CreditByResource(cardNo);
            rows.AddRange(credit.Select(c => new Row(code, c.CourseCode, c.SectionCode, c.ResCode, c.Seconds, classCode)));
        }

        return rows;
    }

    private static int Seconds(List<Row> rows, string userCode, string resCode) => rows.Single(r => r.UserCode == userCode && r.ResCode == resCode).Seconds;

    private static async Task<int> StudentClassActivationsAsync(IManagementGrain management) =>
        (await management.GetSimpleGrainStatistics()).Where(s => s.GrainType.Contains(nameof(Supervision.Grains.Study.StudentClassGrain))).Sum(s => s.ActivationCount);

    private sealed record Row(string UserCode, string CourseCode, string SectionCode, string ResCode, int Seconds, string ClassCode);
}
