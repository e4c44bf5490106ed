using System.Diagnostics.Metrics;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Study;

[Collection(ClusterCollection.Name)]
public sealed class MetricsTests(SupervisionCluster system)
{
    [Fact]
    public async Task Credited_seconds_reports_and_anomalies_are_counted_as_they_are_committed()
    {
        var seen = new Dictionary<string, long>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "Supervision")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (seen)
            {
                seen[instrument.Name] = seen.GetValueOrDefault(instrument.Name) + value;
            }
        });
        listener.Start();

        var learner = await Learner.EnrolAsync(system, firstVideoSeconds: 3600);
        await learner.StartAsync();
        await learner.PlayMinutesAsync(2);
        system.Clock.Advance(TimeSpan.FromSeconds(10));
        await learner.ReportAsync(180, 60); // ahead of the clock: an anomaly

        lock (seen)
        {
            // Other systems of the test run may count too, so at least ours, not exactly ours.
            Assert.True(seen.GetValueOrDefault("supervision.study.credited") >= 120 + 15);
            Assert.True(seen.GetValueOrDefault("supervision.study.reports") >= 3);
            Assert.True(seen.GetValueOrDefault("supervision.anomalies") >= 1);
            Assert.True(seen.GetValueOrDefault("supervision.study.sessions") >= 1);
        }
    }
}
