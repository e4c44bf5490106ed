using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Delivery;

[Collection(DeliveryCollection.Name)]
public sealed class DeliveryMetricsTests(DeliverySystem delivery)
{
    private const string Attempts = "supervision.deliveries.attempts";
    private SupervisionCluster System => delivery.System;

    // Earlier tests of the collection may leave deliveries that are tried while these run, so the counts are
    // "at least ours", never "exactly ours".
    [Fact]
    public async Task A_push_that_fails_then_gets_through_counts_a_failed_and_a_delivered_attempt_and_waits_in_the_backlog_meanwhile()
    {
        using var measurements = new SiloMeasurements(System);
        await using var fake = await FakeLearningPlatform.StartAsync();
        var (_, classCode) = await delivery.RegisterOneStudentClassAsync(fake);
        fake.Behaviour = FakeLearningPlatform.Mode.Http500;

        await System.AdminAsync(HttpMethod.Post, $"/admin/classes/{classCode}/approve");

        await delivery.WaitForAsync(DeliverySystem.PushOf(classCode), "retrying", advanceClock: false);
        await DeliverySystem.EventuallyAsync(
            () => measurements.Sum(Attempts, ("kind", "push"), ("outcome", "failed")) >= 1, "the failed attempt was counted");
        await DeliverySystem.EventuallyAsync(() =>
        {
            measurements.Observe();
            return measurements.Values("supervision.deliveries.backlog").Any(waiting => waiting >= 1);
        }, "the retrying push was counted in the backlog");

        fake.Behaviour = FakeLearningPlatform.Mode.Healthy;
        await delivery.WaitForAsync(DeliverySystem.PushOf(classCode), "delivered");
        await DeliverySystem.EventuallyAsync(
            () => measurements.Sum(Attempts, ("kind", "push"), ("outcome", "delivered")) >= 1, "the delivered attempt was counted");

        var durations = measurements.Values("supervision.deliveries.duration", ("kind", "push"));
        Assert.True(durations.Count >= 2, $"{durations.Count} attempt durations recorded");
        Assert.All(durations, took => Assert.True(took > 0));
    }

    [Fact]
    public async Task The_attempt_that_spends_the_budget_counts_as_dead_and_the_ones_before_it_as_failed()
    {
        using var measurements = new SiloMeasurements(System);
        await using var fake = await FakeLearningPlatform.StartAsync();
        var (_, classCode) = await delivery.RegisterOneStudentClassAsync(fake);
        fake.Behaviour = FakeLearningPlatform.Mode.ReturnCode1;

        await System.AdminAsync(HttpMethod.Post, $"/admin/classes/{classCode}/approve");

        await delivery.WaitForAsync(DeliverySystem.PushOf(classCode), "dead");
        await DeliverySystem.EventuallyAsync(
            () => measurements.Sum(Attempts, ("kind", "push"), ("outcome", "dead")) >= 1, "the last attempt was counted dead");
        Assert.True(measurements.Sum(Attempts, ("kind", "push"), ("outcome", "failed")) >= 3);
    }
}
