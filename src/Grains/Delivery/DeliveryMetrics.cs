using System.Diagnostics.Metrics;
using Supervision.Grains.Evidence;

namespace Supervision.Grains.Delivery;

/// <summary>
/// Delivery attempts on the project's meter ("Supervision"), counted once the outbox has recorded them, so
/// the figures agree with the deliveries table; and the backlog the table holds.
/// </summary>
public sealed class DeliveryMetrics
{
    private readonly Counter<long> attempts;
    private readonly Histogram<double> duration;

    public DeliveryMetrics(IMeterFactory meters, DeliveryBacklog backlog)
    {
        var meter = meters.Create(SupervisionMetrics.MeterName);
        attempts = meter.CreateCounter<long>("supervision.deliveries.attempts", "{attempt}", "delivery attempts, by kind (push, pull) and outcome");
        duration = meter.CreateHistogram<double>("supervision.deliveries.duration", "ms", "time one delivery attempt took (its platform calls and storing the answer), by kind");
        meter.CreateObservableGauge("supervision.deliveries.backlog", backlog.Observe, "{delivery}", "deliveries waiting to be sent (pending or retrying), cluster-wide");
    }

    public void Ended(ClaimedDelivery delivery, AttemptOutcome outcome, TimeSpan took) => Attempted(delivery, outcome switch
    {
        AttemptOutcome.Superseded => "superseded",
        AttemptOutcome.Discarded => "discarded",
        _ => "delivered",
    }, took);

    public void Failed(ClaimedDelivery delivery, TimeSpan took) => Attempted(delivery, delivery.IsLastAllowedAttempt ? "dead" : "failed", took);

    private void Attempted(ClaimedDelivery delivery, string outcome, TimeSpan took)
    {
        var kind = new KeyValuePair<string, object?>("kind", delivery.Kind);
        attempts.Add(1, kind, new KeyValuePair<string, object?>("outcome", outcome));
        duration.Record(took.TotalMilliseconds, kind);
    }
}
