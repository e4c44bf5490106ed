using System.Text.Json.Nodes;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Delivery;

[Collection(DeliveryCollection.Name)]
public sealed class PushDeliveryTests(DeliverySystem delivery)
{
    private SupervisionCluster System => delivery.System;

    [Fact]
    public async Task A_class_approved_while_its_platform_is_down_reaches_it_once_and_its_roster_shows_the_returned_accounts()
    {
        await using var fake = await FakeLearningPlatform.StartAsync();
        var platforms = await delivery.ProvisionAsync(fake, outboundToken: "their-token-for-us");
        var classCode = TestIds.Code();
        var card = TestIds.IdNumber();
        await delivery.RegisterClassAsync(platforms, classCode, (card, "stu-1", "张丽"));

        fake.Behaviour = FakeLearningPlatform.Mode.Http500;
        EnvelopeAssert.Code("0", await System.AdminAsync(HttpMethod.Post, $"/admin/classes/{classCode}/approve"));

        // While it is down the operator sees the failures, with their reason.
        var failed = await delivery.WaitForAsync(DeliverySystem.PushOf(classCode), "retrying", advanceClock: false);
        Assert.Equal("push", (string?)failed["kind"]);
        Assert.Equal(platforms.LearningCode, (string?)failed["platformCode"]);
        Assert.Contains("HTTP 500", (string?)failed["lastError"]);
        Assert.NotNull(await delivery.DeliveryAsync(DeliverySystem.PushOf(classCode), "failed"));
        System.Clock.Advance(DeliverySystem.MaxRetryDelay * 1.3);
        await DeliverySystem.EventuallyAsync(() => fake.Received.Count >= 4, "a second attempt failed too");

        fake.Behaviour = FakeLearningPlatform.Mode.Healthy;
        var delivered = await delivery.WaitForAsync(DeliverySystem.PushOf(classCode), "delivered");
        Assert.True((int)delivered["attempts"]! >= 2);

        var push = Assert.Single(fake.AcceptedPushes);
        Assert.Equal("their-token-for-us", (string?)push["headers"]!["userToken"]);
        var data = push["data"]!;
        Assert.Equal(classCode, (string?)data["classCode"]);
        Assert.Equal("0", (string?)data["videoOnHook"]);
        var resource = data["thirdClassCourseInfoVoList"]![0]!["children"]![0]!["children"]![0]!;
        Assert.Equal("1675", (string?)resource["videoTimeLength"]);
        Assert.Equal(card, (string?)data["thirdClassStudentInfoVoList"]![0]!["cardNo"]);

        var view = (await System.AdminAsync(HttpMethod.Get, $"/admin/classes/{classCode}"))["returnData"]!;
        Assert.Equal("acct-stu-1", (string?)view["students"]![0]!["studentUserAccount"]);
        Assert.Equal("身份证后六位", (string?)view["passwordRules"]);

        // Once delivered it stays delivered: later clock moves send nothing more.
        System.Clock.Advance(TimeSpan.FromHours(1));
        await Task.Delay(500);
        Assert.Single(fake.AcceptedPushes);
        Assert.Null(await delivery.DeliveryAsync(DeliverySystem.PushOf(classCode), "failed"));
    }

    [Fact]
    public async Task A_platform_that_fails_its_first_calls_is_retried_until_it_accepts()
    {
        await using var fake = await FakeLearningPlatform.StartAsync();
        var (_, classCode) = await delivery.RegisterOneStudentClassAsync(fake);
        fake.FailNext(3);

        await System.AdminAsync(HttpMethod.Post, $"/admin/classes/{classCode}/approve");

        var delivered = await delivery.WaitForAsync(DeliverySystem.PushOf(classCode), "delivered");
        Assert.Equal(2, (int)delivered["attempts"]!);
        Assert.Equal(4, fake.Received.Count);
        Assert.Single(fake.AcceptedPushes);
    }

    [Theory]
    [InlineData(FakeLearningPlatform.Mode.Hang, "timed out")]
    [InlineData(FakeLearningPlatform.Mode.Garbage, "not JSON")]
    [InlineData(FakeLearningPlatform.Mode.ReturnCode1, "returnCode 1: 班级编码重复")]
    [InlineData(FakeLearningPlatform.Mode.MalformedAccounts, "returnData[0].studentUserAccount")]
    public async Task A_bad_answer_is_a_failed_attempt_with_its_reason_and_changes_nothing(FakeLearningPlatform.Mode mode, string reason)
    {
        await using var fake = await FakeLearningPlatform.StartAsync();
        var (_, classCode) = await delivery.RegisterOneStudentClassAsync(fake);
        fake.Behaviour = mode;

        await System.AdminAsync(HttpMethod.Post, $"/admin/classes/{classCode}/approve");

        var failed = await delivery.WaitForAsync(DeliverySystem.PushOf(classCode), "retrying", advanceClock: false);
        Assert.Contains(reason, (string?)failed["lastError"]);
        var view = (await System.AdminAsync(HttpMethod.Get, $"/admin/classes/{classCode}"))["returnData"]!;
        Assert.Null(view["students"]![0]!["studentUserAccount"]);
        Assert.Null(view["passwordRules"]);

        fake.Behaviour = FakeLearningPlatform.Mode.Healthy;
        await delivery.WaitForAsync(DeliverySystem.PushOf(classCode), "delivered");
        Assert.Single(fake.AcceptedPushes);
    }

    [Fact]
    public async Task A_delivery_that_keeps_failing_dies_and_an_operator_retry_delivers_it()
    {
        await using var fake = await FakeLearningPlatform.StartAsync();
        var (_, classCode) = await delivery.RegisterOneStudentClassAsync(fake);
        fake.Behaviour = FakeLearningPlatform.Mode.ReturnCode1;

        await System.AdminAsync(HttpMethod.Post, $"/admin/classes/{classCode}/approve");

        var dead = await delivery.WaitForAsync(DeliverySystem.PushOf(classCode), "dead");
        Assert.Equal(4, (int)dead["attempts"]!);
        Assert.NotNull(await delivery.DeliveryAsync(DeliverySystem.PushOf(classCode), "failed"));

        // Nothing more is tried on its own.
        System.Clock.Advance(TimeSpan.FromHours(2));
        await Task.Delay(400);
        Assert.Equal(4, fake.Received.Count);

        fake.Behaviour = FakeLearningPlatform.Mode.Healthy;
        var retried = await System.AdminAsync(HttpMethod.Post, $"/admin/deliveries/{(long)dead["id"]!}/retry");
        EnvelopeAssert.Code("0", retried);
        await delivery.WaitForAsync(DeliverySystem.PushOf(classCode), "delivered");
        Assert.Single(fake.AcceptedPushes);

        EnvelopeAssert.Code("1208", await System.AdminAsync(HttpMethod.Post, $"/admin/deliveries/{(long)dead["id"]!}/retry"));
        EnvelopeAssert.Code("1501", await System.AdminAsync(HttpMethod.Post, "/admin/deliveries/999999999/retry"));
    }

    [Fact]
    public async Task Approving_again_while_a_push_waits_queues_no_second_one_and_a_policy_change_pushes_again()
    {
        await using var fake = await FakeLearningPlatform.StartAsync();
        var (_, classCode) = await delivery.RegisterOneStudentClassAsync(fake);
        fake.Behaviour = FakeLearningPlatform.Mode.Http500;

        await System.AdminAsync(HttpMethod.Post, $"/admin/classes/{classCode}/approve");
        await System.AdminAsync(HttpMethod.Post, $"/admin/classes/{classCode}/approve");
        fake.Behaviour = FakeLearningPlatform.Mode.Healthy;
        await delivery.WaitForAsync(DeliverySystem.PushOf(classCode), "delivered");
        Assert.Single(await delivery.DeliveriesAsync(), row => DeliverySystem.PushOf(classCode)(row!.AsObject()));

        EnvelopeAssert.Code("0", await System.AdminAsync(HttpMethod.Put, $"/admin/classes/{classCode}/policy",
            new { videoOnHook = 2, videoOnHookDetail = new { triggerType = 1, triggervValue = 15 } }));
        await DeliverySystem.EventuallyAsync(() => fake.AcceptedPushes.Count == 2, "the changed policy was pushed");
        var second = fake.AcceptedPushes.Last()["data"]!;
        Assert.Equal("2", (string?)second["videoOnHook"]);
        Assert.Equal("15", (string?)second["videoOnHookDetail"]!["triggervValue"]);

        // Re-approving a delivered class pushes it again (once the answer to the last push is recorded: until
        // then that push is still the one carrying the class).
        await delivery.WaitForAsync(DeliverySystem.PushOf(classCode), "delivered", advanceClock: false);
        await System.AdminAsync(HttpMethod.Post, $"/admin/classes/{classCode}/approve");
        await DeliverySystem.EventuallyAsync(() => fake.AcceptedPushes.Count == 3, "the re-approved class was pushed");
    }

    [Fact]
    public async Task Changes_made_while_the_platform_is_down_reach_it_as_one_push_of_the_newest_class()
    {
        await using var fake = await FakeLearningPlatform.StartAsync();
        var (_, classCode) = await delivery.RegisterOneStudentClassAsync(fake);
        fake.Behaviour = FakeLearningPlatform.Mode.Http500;

        await System.AdminAsync(HttpMethod.Post, $"/admin/classes/{classCode}/approve");
        await delivery.WaitForAsync(DeliverySystem.PushOf(classCode), "retrying", advanceClock: false);

        // The platform is back, but the first push's retry is not due yet when the policy changes.
        fake.Behaviour = FakeLearningPlatform.Mode.Healthy;
        EnvelopeAssert.Code("0", await System.AdminAsync(HttpMethod.Put, $"/admin/classes/{classCode}/policy", new { studyHourLimit = 5 }));

        await DeliverySystem.EventuallyAsync(() => !fake.AcceptedPushes.IsEmpty, "a push was accepted");
        var rows = (await delivery.DeliveriesAsync()).Select(row => row!.AsObject()).Where(DeliverySystem.PushOf(classCode)).ToList();
        Assert.Equal(2, rows.Count);
        await delivery.WaitForAsync(row => DeliverySystem.PushOf(classCode)(row) && (long)row["id"]! == rows.Min(r => (long)r["id"]!), "delivered");
        var older = Assert.Single(await delivery.DeliveriesAsync(), row => (long)row!["id"]! == rows.Min(r => (long)r["id"]!))!;
        Assert.Contains("superseded", (string?)older["lastError"]);
        System.Clock.Advance(TimeSpan.FromHours(1));
        await Task.Delay(400);
        var push = Assert.Single(fake.AcceptedPushes);
        Assert.Equal("5", (string?)push["data"]!["studyHourLimit"]);
    }

    [Fact]
    public async Task A_roster_change_of_a_pushed_class_pushes_it_again_and_an_identical_resend_does_not()
    {
        await using var fake = await FakeLearningPlatform.StartAsync();
        var platforms = await delivery.ProvisionAsync(fake);
        var classCode = TestIds.Code();
        var first = (TestIds.IdNumber(), "stu-1", "张丽");
        await delivery.RegisterClassAsync(platforms, classCode, first);
        await System.AdminAsync(HttpMethod.Post, $"/admin/classes/{classCode}/approve");
        await delivery.WaitForAsync(DeliverySystem.PushOf(classCode), "delivered", advanceClock: false);

        await delivery.RegisterClassAsync(platforms, classCode, first);
        await delivery.RegisterClassAsync(platforms, classCode, first, (TestIds.IdNumber(), "stu-2", "陈永兰"));

        await DeliverySystem.EventuallyAsync(() => fake.AcceptedPushes.Count == 2, "the new roster was pushed");
        Assert.Equal(2, fake.AcceptedPushes.Last()["data"]!["thirdClassStudentInfoVoList"]!.AsArray().Count);
        await delivery.WaitForAsync(DeliverySystem.PushOf(classCode), "delivered", advanceClock: false);
        Assert.Equal(2, (await delivery.DeliveriesAsync()).Count(row => DeliverySystem.PushOf(classCode)(row!.AsObject())));
        var students = (await System.AdminAsync(HttpMethod.Get, $"/admin/classes/{classCode}"))["returnData"]!["students"]!.AsArray();
        Assert.Equal(["acct-stu-1", "acct-stu-2"], students.Select(s => (string?)s!["studentUserAccount"]));
    }

    [Fact]
    public async Task A_platform_at_a_private_address_that_is_not_allowed_is_never_called()
    {
        // The fixture allows only 127.0.0.1 (SUPERVISION_FETCH_ALLOW): a platform moved to 10.x is refused at connect time.
        await using var fake = await FakeLearningPlatform.StartAsync();
        var (platforms, classCode) = await delivery.RegisterOneStudentClassAsync(fake);
        var answer = await System.AdminAsync(HttpMethod.Post, "/admin/platforms", new
        {
            code = platforms.LearningCode,
            name = "Fake learning platform",
            role = "learning",
            account = platforms.LearningCode + "-account",
            password = "correct horse battery",
            apiBaseUrl = "http://10.255.255.1:9",
        });
        EnvelopeAssert.Code("0", answer);

        await System.AdminAsync(HttpMethod.Post, $"/admin/classes/{classCode}/approve");

        var failed = await delivery.WaitForAsync(DeliverySystem.PushOf(classCode), "retrying", advanceClock: false);
        Assert.Contains("not allowed", (string?)failed["lastError"]);
        Assert.Empty(fake.Received);
    }
}
