using System.Text.Json;
using System.Text.Json.Nodes;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Intake;

/// <summary>
/// Approval fixes the policy (SPEC rule 13): once the operator has approved a class or set its policy, the business
/// platform it audits can propose a weaker one but never apply it; a stronger one applies at once.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ApprovalFixesPolicyTests(SupervisionCluster system)
{
    private static readonly object Supervised = new { realNameAuthentication = 1, studyHourLimit = 4, videoOnHook = 1, videoOnHookDetail = new { triggerType = 1, triggerValue = 10 } };

    [Fact]
    public async Task A_re_push_that_switches_every_check_off_after_approval_is_held_recorded_and_not_pushed_and_the_checks_stay()
    {
        var learner = await Learner.EnrolAsync(system, Supervised, firstVideoSeconds: 3600);
        var before = await ClassAsync(learner);

        var repush = await RepushAsync(learner, new { realNameAuthentication = 0, studyHourLimit = 0, videoOnHook = 0 });
        var after = await ClassAsync(learner);
        await learner.StartAsync();
        var report = (await learner.PlayMinutesAsync(1))[0];

        EnvelopeAssert.Code("0", repush);
        Assert.Equal(before["policy"]!.ToJsonString(), after["policy"]!.ToJsonString());
        Assert.Equal(0, (int)after["proposedPolicy"]!["videoOnHook"]!);
        Assert.Equal((int)before["pushVersion"]!, (int)after["pushVersion"]!);
        Assert.Equal("approved", (string?)after["approval"]);
        EnvelopeAssert.Code("1301", report); // real name is still required
        var held = Assert.Single(await PolicyEventsAsync(learner), e => (string?)e["details"]?["action"] == "held");
        Assert.Equal(["realNameAuthentication", "studyHourLimit", "videoOnHook"], held["details"]!["weakerIn"]!.AsArray().Select(n => (string)n!));
        Assert.Single(await ClassAnomaliesAsync(learner), "policy_weakening_proposed");
    }

    [Fact]
    public async Task A_re_push_that_only_tightens_the_policy_applies_at_once_and_is_pushed_on()
    {
        var learner = await Learner.EnrolAsync(system, Supervised, firstVideoSeconds: 3600);
        var before = await ClassAsync(learner);

        await RepushAsync(learner, new { realNameAuthentication = 1, studyHourLimit = 2, videoOnHook = 2, videoStartFace = 1, videoOnHookDetail = new { triggerType = 1, triggerValue = 5 } });
        var after = await ClassAsync(learner);

        Assert.Equal(2, (int)after["policy"]!["studyHourLimit"]!);
        Assert.Equal(2, (int)after["policy"]!["videoOnHook"]!);
        Assert.True((bool)after["policy"]!["videoStartFace"]!);
        Assert.Null(after["proposedPolicy"]);
        Assert.True((int)after["pushVersion"]! > (int)before["pushVersion"]!);
        Assert.Contains(await PolicyEventsAsync(learner), e => (string?)e["details"]?["action"] == "applied");
        Assert.DoesNotContain("policy_weakening_proposed", await ClassAnomaliesAsync(learner));
    }

    [Fact]
    public async Task The_operator_accepts_a_held_proposal_by_setting_it_and_the_change_is_recorded_with_the_operators_name()
    {
        var learner = await Learner.EnrolAsync(system, Supervised, firstVideoSeconds: 3600);
        var relaxed = new { realNameAuthentication = 1, studyHourLimit = 8, videoOnHook = 1, videoOnHookDetail = new { triggerType = 1, triggerValue = 10 } };
        await RepushAsync(learner, relaxed);

        var set = await system.AdminAsync(HttpMethod.Put, $"/admin/classes/{learner.ClassCode}/policy", relaxed);
        var after = await ClassAsync(learner);

        EnvelopeAssert.Code("0", set);
        Assert.Equal(8, (int)after["policy"]!["studyHourLimit"]!);
        Assert.Null(after["proposedPolicy"]);
        var byOperator = (await PolicyEventsAsync(learner)).First(e => (string?)e["details"]?["action"] == "set");
        Assert.Equal(SupervisionCluster.OperatorAccount, (string?)byOperator["details"]!["operator"]);
        Assert.Equal(4, (int)byOperator["details"]!["previous"]!["studyHourLimit"]!);
    }

    private Task<JsonObject> RepushAsync(Learner learner, object policy) =>
        system.PostEnvelopeAsync("/api/class/v1/pushClassInfo",
            WithPolicy(learner.Platforms.ClassBody(learner.ClassCode, 3600, (learner.CardNo, learner.StudentUserCode, "张丽")), policy), learner.Platforms.BusinessToken);

    public static JsonObject WithPolicy(object body, object policy)
    {
        var merged = JsonNode.Parse(JsonSerializer.Serialize(body))!.AsObject();
        foreach (var (name, value) in JsonNode.Parse(JsonSerializer.Serialize(policy))!.AsObject())
        {
            merged[name] = value?.DeepClone();
        }

        return merged;
    }

    private async Task<JsonObject> ClassAsync(Learner learner) =>
        (await system.AdminAsync(HttpMethod.Get, $"/admin/classes/{learner.ClassCode}"))["returnData"]!.AsObject();

    private async Task<List<JsonObject>> PolicyEventsAsync(Learner learner) =>
        (await system.AdminAsync(HttpMethod.Get, $"/admin/classes/{learner.ClassCode}/actions"))["returnData"]!.AsArray()
            .Select(e => e!.AsObject()).Where(e => (string?)e["kind"] == "class_policy").ToList();

    private async Task<List<string>> ClassAnomaliesAsync(Learner learner) =>
        (await system.AdminAsync(HttpMethod.Get, $"/admin/anomalies?classCode={learner.ClassCode}"))["returnData"]!.AsArray()
            .Select(a => (string)a!["kind"]!).ToList();
}
