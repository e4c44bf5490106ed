using System.Text.Json.Nodes;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Delivery;

/// <summary>
/// The operator's deliveries list is the calls to learning platforms (1.12 push, 1.14 pull). The messages between
/// grains that ride the same table — a passed check to its student-class — are no delivery anybody outside the
/// cluster waits for, and the console showed them as if they were, under the learning platform's code.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DeliveryListTests(SupervisionCluster system)
{
    private static readonly object CodeEveryMinute = new { videoOnHook = 1, faceTimeLimit = 1, videoOnHookDetail = new { triggerType = 1, triggervValue = 1 } };

    [Fact]
    public async Task A_passed_checks_message_to_its_grain_is_not_listed_beside_the_class_push()
    {
        var learner = await Learner.EnrolAsync(system, CodeEveryMinute, firstVideoSeconds: 3600);
        await learner.StartAsync();
        system.Clock.Advance(TimeSpan.FromSeconds(60));
        await learner.ReportAsync(60, 60);
        var (bizCode, code) = await learner.GetCodeAsync();
        EnvelopeAssert.Code("0", await learner.SubmitCodeAsync(bizCode, code));
        var message = $"pass:{bizCode}";
        Assert.Equal(1L, await Ledger.CountAsync(system, "SELECT count(*) FROM deliveries WHERE dedup_key = @k AND platform_code = @p", ("k", message), ("p", learner.Platforms.LearningCode)));

        // As a message whose hand-over and first delivery failed would stand: retrying, on the default (failing) view.
        await Ledger.ExecuteAsync(system,
            "UPDATE deliveries SET status = 'retrying', last_error = 'receiver unavailable', next_attempt_at = now() + interval '1 day' WHERE dedup_key = @k",
            ("k", message));
        try
        {
            var all = await ListAsync(null);
            var failing = await ListAsync("failed");

            Assert.Contains(all, d => (string?)d["kind"] == "push" && (string?)d["classCode"] == learner.ClassCode);
            Assert.All(all.Concat(failing), d => Assert.Contains((string?)d["kind"], new[] { "push", "pull" }));
            Assert.DoesNotContain(failing, d => (string?)d["platformCode"] == learner.Platforms.LearningCode && d["classCode"] is null);
        }
        finally
        {
            await Ledger.ExecuteAsync(system, "UPDATE deliveries SET status = 'delivered' WHERE dedup_key = @k", ("k", message));
        }
    }

    private async Task<List<JsonObject>> ListAsync(string? status)
    {
        var answer = await system.AdminAsync(HttpMethod.Get, "/admin/deliveries?limit=5000" + (status is null ? "" : "&status=" + status));
        EnvelopeAssert.Code("0", answer);
        return [.. answer["returnData"]!.AsArray().Select(d => d!.AsObject())];
    }
}
