using System.Text.Json.Nodes;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Delivery;

[Collection(DeliveryCollection.Name)]
public sealed class DeliveryRestartTests(DeliverySystem delivery)
{
    private SupervisionCluster System => delivery.System;

    [Fact]
    public async Task A_push_cut_off_by_a_silo_restart_is_delivered_after_it_and_at_most_repeated()
    {
        await using var fake = await FakeLearningPlatform.StartAsync();
        var (_, classCode) = await delivery.RegisterOneStudentClassAsync(fake);
        fake.Behaviour = FakeLearningPlatform.Mode.Hang;

        await System.AdminAsync(HttpMethod.Post, $"/admin/classes/{classCode}/approve");
        await DeliverySystem.EventuallyAsync(() => !fake.Received.IsEmpty, "the push is in flight");

        fake.Behaviour = FakeLearningPlatform.Mode.Healthy;
        await System.RestartAsync();

        // Whether the stopping silo gave its claim back or its lease has to run out, the restarted cluster delivers.
        await delivery.WaitForAsync(DeliverySystem.PushOf(classCode), "delivered");
        System.Clock.Advance(TimeSpan.FromHours(1));
        await Task.Delay(500);
        // At least once: a silo stopping between the platform's answer and its recording (here, the second silo of
        // the restart, which may take the released claim before it stops too) makes the restarted cluster send the
        // same push again, which the platform treats as an update (docs/delivery.md). Never a different one, never more.
        // The class it carries is the same; its envelope's timestamp is the time it was sent, which may be after the hour
        // this test moves the clock on.
        var accepted = fake.AcceptedPushes.Select(push => push["data"]).ToList();
        Assert.InRange(accepted.Count, 1, 2);
        Assert.All(accepted, data => Assert.True(JsonNode.DeepEquals(accepted[0], data), "a repeated push carries another class than the first"));
        var view = (await System.AdminAsync(HttpMethod.Get, $"/admin/classes/{classCode}"))["returnData"]!;
        Assert.Equal("acct-stu-1", (string?)view["students"]![0]!["studentUserAccount"]);
    }
}
