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
}
