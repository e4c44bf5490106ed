using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Study;

[Collection(ClusterCollection.Name)]
public sealed class CreditTests(SupervisionCluster system)
{
    [Fact]
    public async Task An_honest_learner_reporting_every_minute_loses_nothing_and_raises_no_anomaly()
    {
        var learner = await Learner.EnrolAsync(system, firstVideoSeconds: 3600);
        EnvelopeAssert.Code("0", await learner.StartAsync());

        var answers = await learner.PlayMinutesAsync(20);

        Assert.All(answers, a => EnvelopeAssert.Code("0", a));
        Assert.All(answers, a => Assert.Equal(60, Learner.Credited(a)));
        Assert.Equal(1200, (int)answers[^1]["returnData"]!["resourceCredited"]!);
        Assert.Equal(3600, (int)answers[^1]["returnData"]!["resourceDuration"]!);
        Assert.Null(answers[^1]["returnData"]!["todayRemaining"]);
        Assert.Empty(await learner.AnomalyKindsAsync());
    }

    [Fact]
    public async Task Jitter_and_a_late_batch_after_an_outage_cost_an_honest_learner_nothing()
    {
        var learner = await Learner.EnrolAsync(system, firstVideoSeconds: 3600);
        await learner.StartAsync();

        system.Clock.Advance(TimeSpan.FromSeconds(58));
        var early = await learner.ReportAsync(60, 60);
        system.Clock.Advance(TimeSpan.FromSeconds(62 + 180));
        var batch = new[] { await learner.ReportAsync(120, 60), await learner.ReportAsync(180, 60), await learner.ReportAsync(240, 60), await learner.ReportAsync(300, 60) };

        Assert.Equal(60, Learner.Credited(early));
        Assert.All(batch, a => Assert.Equal(60, Learner.Credited(a)));
        Assert.Empty(await learner.AnomalyKindsAsync());
    }

    [Fact]
    public async Task Reports_more_often_than_once_a_minute_are_no_anomaly()
    {
        var learner = await Learner.EnrolAsync(system, firstVideoSeconds: 3600);
        await learner.StartAsync();

        for (var i = 1; i <= 12; i++)
        {
            system.Clock.Advance(TimeSpan.FromSeconds(10));
            Assert.Equal(10, Learner.Credited(await learner.ReportAsync(i * 10, 10)));
        }

        Assert.Empty(await learner.AnomalyKindsAsync());
    }

    [Fact]
    public async Task Claiming_a_minute_every_ten_seconds_earns_about_ten_seconds_a_report_with_an_anomaly_each()
    {
        var learner = await Learner.EnrolAsync(system, firstVideoSeconds: 3600);
        await learner.StartAsync();

        var credited = new List<int>();
        for (var i = 1; i <= 6; i++)
        {
            system.Clock.Advance(TimeSpan.FromSeconds(10));
            credited.Add(Learner.Credited(await learner.ReportAsync(i * 60, 60)));
        }

        Assert.Equal([10 + 5, 10, 10, 10, 10, 10], credited); // the first one gets the documented 5 s tolerance
        var kinds = await learner.AnomalyKindsAsync();
        Assert.Equal(6, kinds.Count(k => k == "progress_ahead_of_clock"));
    }

    [Fact]
    public async Task A_retried_report_is_answered_the_same_and_counted_once()
    {
        var learner = await Learner.EnrolAsync(system, firstVideoSeconds: 3600);
        await learner.StartAsync();
        system.Clock.Advance(TimeSpan.FromSeconds(60));

        var first = await learner.ReportAsync(60, 60);
        var retry = await learner.ReportAsync(60, 60);

        Assert.Equal(first["returnData"]!.ToJsonString(), retry["returnData"]!.ToJsonString());
        Assert.Equal(60, (await Ledger.CreditedAsync(system, learner.ClassCode)).Values.Single());
        Assert.Empty(await learner.AnomalyKindsAsync());
    }

    [Fact]
    public async Task Credit_stops_at_the_resource_duration()
    {
        var learner = await Learner.EnrolAsync(system, firstVideoSeconds: 150);
        await learner.StartAsync();

        var credited = (await learner.PlayMinutesAsync(4)).Select(Learner.Credited).ToList();

        Assert.Equal([60, 60, 30, 0], credited);
    }

    [Fact]
    public async Task A_seek_forward_and_an_end_straight_after_it_are_anomalies()
    {
        var learner = await Learner.EnrolAsync(system, firstVideoSeconds: 3000);
        await learner.StartAsync();
        await learner.PlayMinutesAsync(2);

        system.Clock.Advance(TimeSpan.FromSeconds(60));
        var jumped = await learner.ReportAsync(1500, 60); // duration/2 after two minutes
        EnvelopeAssert.Code("0", await learner.EndAsync());

        Assert.Equal(60, Learner.Credited(jumped));
        var kinds = await learner.AnomalyKindsAsync();
        Assert.Contains("position_jump", kinds);
        Assert.Contains("end_after_jump", kinds);
    }
}
