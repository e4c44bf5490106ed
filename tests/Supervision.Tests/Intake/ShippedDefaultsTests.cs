using System.Text.Json.Nodes;
using Supervision.Contracts.Classes;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Intake;

/// <summary>
/// A fresh install as shipped, with no intake settings: a class the audited party pushes waits for the operator and
/// supervises by default (SPEC "Figures from practice"). Its own system, since every other test opens the intake.
/// </summary>
public sealed class ShippedDefaultsTests : IAsyncLifetime
{
    private readonly SupervisionCluster system = new() { Silos = 1, Intake = new Dictionary<string, string>() };

    public Task InitializeAsync() => system.InitializeAsync();

    public Task DisposeAsync() => system.DisposeAsync();

    [Fact]
    public async Task A_pushed_class_waits_for_the_operator_under_a_supervising_policy_and_no_study_is_taken_before()
    {
        var learner = await Learner.EnrolAsync(system, firstVideoSeconds: 3600);

        var start = await learner.StartAsync();
        var view = (await system.AdminAsync(HttpMethod.Get, $"/admin/classes/{learner.ClassCode}"))["returnData"]!;

        EnvelopeAssert.Code("1205", start);
        Assert.Equal("pending", (string?)view["approval"]);
        Assert.True((bool)view["policy"]!["realNameAuthentication"]!);
        Assert.Equal(8, (int)view["policy"]!["studyHourLimit"]!);
        Assert.Equal(2, (int)view["policy"]!["videoOnHook"]!);
        Assert.True((bool)view["policy"]!["videoStartFace"]!);
        Assert.Equal(0, (int)view["pushVersion"]!);
    }

    [Fact]
    public async Task Before_approval_the_platforms_latest_policy_stands_and_after_it_a_weaker_one_is_only_proposed()
    {
        var platforms = await Platforms.ProvisionAsync(system);
        var classCode = TestIds.Code();
        JsonObject Push(object policy) => ApprovalFixesPolicyTests.WithPolicy(platforms.ClassBody(classCode, (TestIds.IdNumber(), "stu-1", "张丽")), policy);
        await system.PostEnvelopeAsync("/api/class/v1/pushClassInfo", Push(new { studyHourLimit = 4, videoOnHook = 1 }), platforms.BusinessToken);
        await system.PostEnvelopeAsync("/api/class/v1/pushClassInfo", Push(new { studyHourLimit = 6, videoOnHook = 1 }), platforms.BusinessToken);
        var beforeApproval = await system.Grains.GetGrain<IClassGrain>(classCode).Describe();

        EnvelopeAssert.Code("0", await system.AdminAsync(HttpMethod.Post, $"/admin/classes/{classCode}/approve"));
        await system.PostEnvelopeAsync("/api/class/v1/pushClassInfo", Push(new { studyHourLimit = 8, videoOnHook = 1 }), platforms.BusinessToken);
        var afterApproval = await system.Grains.GetGrain<IClassGrain>(classCode).Describe();

        Assert.Equal(6, beforeApproval!.Policy.StudyHourLimit);
        Assert.Equal(6, afterApproval!.Policy.StudyHourLimit);
        Assert.Equal(8, afterApproval.ProposedPolicy?.StudyHourLimit);
    }
}
