using System.Text.Json.Nodes;
using Supervision.Contracts.Classes;
using Supervision.Contracts.Students;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Intake;

[Collection(ClusterCollection.Name)]
public sealed class ClassIntakeTests(SupervisionCluster system)
{
    private const string PushClass = "/api/class/v1/pushClassInfo";
    private const string ClassStudy = "/api/class/v1/classStudentStudy";

    [Fact]
    public async Task A_pushed_class_is_stored_approved_under_the_default_policy_and_answers_2_5()
    {
        var platforms = await Platforms.ProvisionAsync(system);
        var classCode = TestIds.Code();
        var card = TestIds.IdNumber();

        EnvelopeAssert.Code("0", await system.PostEnvelopeAsync(PushClass, platforms.ClassBody(classCode, (card, "stu-1", "张丽")), platforms.BusinessToken));

        var view = await system.Grains.GetGrain<IClassGrain>(classCode).Describe();
        Assert.NotNull(view);
        Assert.Equal(platforms.LearningCode, view.LearningPlatformCode);
        Assert.Equal(platforms.BusinessCode, view.BusinessPlatformCode);
        Assert.Equal(ApprovalStatus.Approved, view.Approval);
        Assert.Equal(ClassPolicy.Unsupervised, view.Policy);
        var chapter = Assert.Single(Assert.Single(view.Courses).Chapters);
        Assert.Equal([1675, 2491], chapter.Resources.Select(r => r.DurationSeconds));
        Assert.Equal("stu-1", Assert.Single(view.Students).StudentUserCode);

        var study = await system.PostEnvelopeAsync(ClassStudy, new { classCode }, platforms.BusinessToken);
        EnvelopeAssert.Code("0", study);
        Assert.Empty(study["returnData"]!.AsArray());
    }

    [Fact]
    public async Task A_roster_registers_each_student_under_their_ID_number()
    {
        var platforms = await Platforms.ProvisionAsync(system);
        var card = TestIds.IdNumber();

        await system.PostEnvelopeAsync(PushClass, platforms.ClassBody(TestIds.Code(), (card, "stu-9", "陈永兰")), platforms.BusinessToken);

        var student = await system.Grains.GetGrain<IStudentGrain>(system.PersonKeys.Of(card)).Describe();
        Assert.Equal("陈永兰", student?.Name);
        Assert.Equal("stu-9", student?.StudentCode);
    }

    [Fact]
    public async Task Policy_fields_sent_with_the_class_are_its_policy()
    {
        var platforms = await Platforms.ProvisionAsync(system);
        var classCode = TestIds.Code();
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(platforms.ClassBody(classCode)))!.AsObject();
        body["realNameAuthentication"] = "1";
        body["studyHourLimit"] = "8";
        body["videoOnHook"] = 2;
        body["videoOnHookDetail"] = new JsonObject { ["triggerType"] = "2", ["triggervValue"] = "10" };

        EnvelopeAssert.Code("0", await system.PostEnvelopeAsync(PushClass, body, platforms.BusinessToken));

        var policy = (await system.Grains.GetGrain<IClassGrain>(classCode).Describe())!.Policy;
        Assert.Equal(new ClassPolicy { RealNameAuthentication = true, StudyHourLimit = 8, VideoOnHook = 2, TriggerType = 2, TriggerValue = 10 }, policy);
    }

    /// <summary>The seed's table puts the trigger beside the policy, its example under videoOnHookDetail: the object wins when both are sent.</summary>
    [Fact]
    public async Task The_trigger_is_read_from_videoOnHookDetail_and_from_beside_it_when_videoOnHookDetail_is_absent()
    {
        var platforms = await Platforms.ProvisionAsync(system);
        async Task<ClassPolicy> PolicyOf(Action<JsonObject> policy)
        {
            var classCode = TestIds.Code();
            var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(platforms.ClassBody(classCode)))!.AsObject();
            policy(body);
            EnvelopeAssert.Code("0", await system.PostEnvelopeAsync(PushClass, body, platforms.BusinessToken));
            return (await system.Grains.GetGrain<IClassGrain>(classCode).Describe())!.Policy;
        }

        var beside = await PolicyOf(body =>
        {
            body["videoOnHook"] = "1";
            body["triggerType"] = 1;
            body["triggerValue"] = "15";
        });
        var nested = await PolicyOf(body =>
        {
            body["videoOnHook"] = 1;
            body["triggerType"] = 1;
            body["videoOnHookDetail"] = new JsonObject { ["triggerType"] = "2", ["triggervValue"] = 10 };
        });
        var none = await PolicyOf(_ => { });

        Assert.Equal(new ClassPolicy { VideoOnHook = 1, TriggerType = 1, TriggerValue = 15 }, beside);
        Assert.Equal(new ClassPolicy { VideoOnHook = 1, TriggerType = 2, TriggerValue = 10 }, nested);
        Assert.Equal(ClassPolicy.Unsupervised, none);
    }

    [Fact]
    public async Task Re_sending_the_same_class_is_an_idempotent_update()
    {
        var platforms = await Platforms.ProvisionAsync(system);
        var classCode = TestIds.Code();
        var body = platforms.ClassBody(classCode, (TestIds.IdNumber(), "stu-1", "张丽"));

        EnvelopeAssert.Code("0", await system.PostEnvelopeAsync(PushClass, body, platforms.BusinessToken));
        var first = await system.Grains.GetGrain<IClassGrain>(classCode).Describe();
        EnvelopeAssert.Code("0", await system.PostEnvelopeAsync(PushClass, body, platforms.BusinessToken));
        var second = await system.Grains.GetGrain<IClassGrain>(classCode).Describe();

        Assert.Equal(first!.ApprovedAt, second!.ApprovedAt);
        Assert.Equal(first.Students, second.Students);
        Assert.Equal(first.Courses.Count, second.Courses.Count);
    }

    [Fact]
    public async Task An_unknown_learning_platform_url_is_refused_and_nothing_is_stored()
    {
        var platforms = await Platforms.ProvisionAsync(system);
        var classCode = TestIds.Code();
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(platforms.ClassBody(classCode)))!.AsObject();
        body["studyPlatformApiUrl"] = "http://nobody.example.test/api";

        var answer = await system.PostEnvelopeAsync(PushClass, body, platforms.BusinessToken);

        EnvelopeAssert.Code("1204", answer);
        EnvelopeAssert.Names("studyPlatformApiUrl", answer);
        Assert.Null(await system.Grains.GetGrain<IClassGrain>(classCode).Describe());
    }

    [Fact]
    public async Task A_malformed_ID_number_in_the_roster_names_its_entry_and_stores_nothing()
    {
        var platforms = await Platforms.ProvisionAsync(system);
        var classCode = TestIds.Code();
        var goodCard = TestIds.IdNumber();

        var answer = await system.PostEnvelopeAsync(PushClass, platforms.ClassBody(classCode, (goodCard, "s1", "甲"), ("110105194912310021", "s2", "乙")), platforms.BusinessToken);

        EnvelopeAssert.Code("1003", answer);
        EnvelopeAssert.Names("thirdClassStudentInfoVoList[1].cardNo", answer);
        Assert.Null(await system.Grains.GetGrain<IClassGrain>(classCode).Describe());
        Assert.Null(await system.Grains.GetGrain<IStudentGrain>(system.PersonKeys.Of(goodCard)).Describe());
    }

    [Fact]
    public async Task Another_business_platform_can_neither_overwrite_nor_query_a_class()
    {
        var owner = await Platforms.ProvisionAsync(system);
        var intruder = await Platforms.ProvisionAsync(system);
        var classCode = TestIds.Code();
        await system.PostEnvelopeAsync(PushClass, owner.ClassBody(classCode), owner.BusinessToken);

        var overwrite = await system.PostEnvelopeAsync(PushClass, intruder.ClassBody(classCode), intruder.BusinessToken);
        var query = await system.PostEnvelopeAsync(ClassStudy, new { classCode }, intruder.BusinessToken);
        var unknownCode = TestIds.Code();
        var unknown = await system.PostEnvelopeAsync(ClassStudy, new { classCode = unknownCode }, intruder.BusinessToken);

        EnvelopeAssert.Code("1206", overwrite);
        Assert.DoesNotContain("another business platform", (string)overwrite["returnMsg"]!);

        // Another platform's class is answered exactly as a class that does not exist: the code tells it nothing.
        Assert.Equal(unknown.ToJsonString().Replace(unknownCode, classCode), query.ToJsonString());
        Assert.Equal(owner.LearningCode, (await system.Grains.GetGrain<IClassGrain>(classCode).Describe())!.LearningPlatformCode);
    }

    [Fact]
    public async Task Study_records_of_an_unknown_class_are_a_clear_failure()
    {
        var platforms = await Platforms.ProvisionAsync(system);
        var answer = await system.PostEnvelopeAsync(ClassStudy, new { classCode = TestIds.Code() }, platforms.BusinessToken);
        EnvelopeAssert.Code("1201", answer);
        EnvelopeAssert.Names("classCode", answer);
    }

    [Fact]
    public async Task Without_auto_approval_the_operator_sets_policy_and_approves()
    {
        var platforms = await Platforms.ProvisionAsync(system);
        var classCode = TestIds.Code();
        await system.PostEnvelopeAsync(PushClass, platforms.ClassBody(classCode), platforms.BusinessToken);

        var policy = await system.AdminAsync(HttpMethod.Put, $"/admin/classes/{classCode}/policy",
            new { realNameAuthentication = 1, studyHourLimit = "1", faceTimeLimit = 1, videoOnHook = 1, videoOnHookDetail = new { triggerType = 1, triggerValue = 5 } });
        var approve = await system.AdminAsync(HttpMethod.Post, $"/admin/classes/{classCode}/approve");
        var view = await system.AdminAsync(HttpMethod.Get, $"/admin/classes/{classCode}");

        EnvelopeAssert.Code("0", policy);
        EnvelopeAssert.Code("0", approve);
        Assert.Equal(1, (int)view["returnData"]!["policy"]!["studyHourLimit"]!);
        Assert.Equal(5, (int)view["returnData"]!["policy"]!["triggerValue"]!);
        Assert.Equal("approved", (string?)view["returnData"]!["approval"]);
    }
}
