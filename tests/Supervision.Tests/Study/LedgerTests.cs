using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Study;

[Collection(ClusterCollection.Name)]
public sealed class LedgerTests(SupervisionCluster system)
{
    [Fact]
    public async Task Class_study_records_equal_the_ledger_for_every_student_and_resource()
    {
        var platforms = await Platforms.ProvisionAsync(system);
        var classCode = TestIds.Code();
        var students = Enumerable.Range(0, 3).Select(i => (TestIds.IdNumber(), TestIds.Code("s"), $"学员{i}")).ToArray();
        EnvelopeAssert.Code("0", await system.PostEnvelopeAsync("/api/class/v1/pushClassInfo", platforms.ClassBody(classCode, 3600, students), platforms.BusinessToken));
        var learners = students.Select(s => new Learner(system, platforms, classCode, s.Item2, s.Item1)).ToList();
        foreach (var (learner, minutes) in learners.Zip([3, 1, 0]))
        {
            await learner.StartAsync(learner.SecondVideo);
            await learner.PlayMinutesAsync(minutes, resCode: learner.SecondVideo);
            await learner.StartAsync(learner.FirstVideo);
            system.Clock.Advance(TimeSpan.FromSeconds(20));
            await learner.ReportAsync(90, 90); // partly ahead of the clock: only the accepted part counts
        }

        var study = await system.PostEnvelopeAsync("/api/class/v1/classStudentStudy", new { classCode }, platforms.BusinessToken);
        var reported = study["returnData"]!.AsArray().ToDictionary(r => ((string)r!["userCode"]!, (string)r["resCode"]!), r => long.Parse((string)r!["playTime"]!));
        var ledger = await Ledger.CreditedAsync(system, classCode);

        Assert.Equal(ledger.OrderBy(e => e.Key), reported.Where(r => r.Value > 0 || ledger.ContainsKey(r.Key)).OrderBy(e => e.Key));
        Assert.Equal(3 * 60 + 25 + 60 + 25 + 25, reported.Values.Sum());
    }
}
