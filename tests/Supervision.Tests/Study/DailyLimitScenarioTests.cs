using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Study;

/// <summary>The study-tracking acceptance scenario, on a system of its own because it restarts every silo.</summary>
public sealed class DailyLimitScenarioTests : IAsyncLifetime
{
    private readonly SupervisionCluster system = new();

    public Task InitializeAsync() => system.InitializeAsync();

    public Task DisposeAsync() => system.DisposeAsync();

    [Fact]
    public async Task Seventy_minutes_against_a_one_hour_limit_credit_exactly_3600_seconds_everywhere_and_after_a_restart()
    {
        var learner = await Learner.EnrolAsync(system, policy: new { studyHourLimit = 1 }, firstVideoSeconds: 7200);
        await learner.StartAsync();

        var answers = await learner.PlayMinutesAsync(70);

        Assert.All(answers.Take(60), a => EnvelopeAssert.Code("0", a));
        Assert.All(answers.Skip(60), a => EnvelopeAssert.Code("1303", a));
        await AssertEverywhereAsync(learner, 3600);

        await system.RestartAsync();

        await AssertEverywhereAsync(learner, 3600);
        system.Clock.Advance(TimeSpan.FromSeconds(60));
        EnvelopeAssert.Code("1303", await learner.ReportAsync(71 * 60, 60));
    }

    /// <summary>2.5, the operator's view and the ledger all hold the same credit.</summary>
    private async Task AssertEverywhereAsync(Learner learner, int seconds)
    {
        var token = await Platforms.LogInAsync(system, learner.Platforms.BusinessCode + "-account");
        var study = await system.PostEnvelopeAsync("/api/class/v1/classStudentStudy", new { classCode = learner.ClassCode }, token);
        var row = Assert.Single(study["returnData"]!.AsArray())!;
        Assert.Equal(seconds.ToString(), (string?)row["playTime"]);
        Assert.Equal(learner.StudentUserCode, (string?)row["userCode"]);
        Assert.Equal(learner.FirstVideo, (string?)row["resCode"]);
        Assert.Equal(learner.CourseCode, (string?)row["courseCode"]);
        Assert.Equal("chapter-" + learner.ClassCode[..8], (string?)row["sectionCode"]);

        var view = (await learner.OperatorViewAsync())["student"]!;
        Assert.Equal(seconds, (int)view["todayCredited"]!);
        Assert.Equal(seconds, (int)view["totalCredited"]!);

        Assert.Equal(seconds, (await Ledger.CreditedAsync(system, learner.ClassCode)).Values.Single());
    }
}
