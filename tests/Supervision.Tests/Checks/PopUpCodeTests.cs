using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Checks;

[Collection(ClusterCollection.Name)]
public sealed class PopUpCodeTests(SupervisionCluster system)
{
    private static readonly object EveryMinute = new { videoOnHook = 1, faceTimeLimit = 1, videoOnHookDetail = new { triggerType = 1, triggervValue = 1 } };

    [Fact]
    public async Task Three_wrong_codes_spend_the_bizCode_and_a_replay_is_refused_as_an_anomaly()
    {
        var learner = await Learner.EnrolAsync(system, EveryMinute, firstVideoSeconds: 3600);
        await learner.StartAsync();
        var (bizCode, code) = await learner.GetCodeAsync();
        var wrong = code == "0000" ? "1111" : "0000";

        var attempts = new List<System.Text.Json.Nodes.JsonObject>();
        for (var i = 0; i < 3; i++)
        {
            // Each retyped code is a new request (a new envelope timestamp), not a client's retry of the last one.
            system.Clock.Advance(TimeSpan.FromSeconds(2));
            attempts.Add(await learner.SubmitCodeAsync(bizCode, wrong));
        }

        system.Clock.Advance(TimeSpan.FromSeconds(2));
        var afterSpent = await learner.SubmitCodeAsync(bizCode, code);

        Assert.All(attempts, a => EnvelopeAssert.Code("1405", a));
        EnvelopeAssert.Code("1403", afterSpent);
        Assert.Equal(["biz_code_replayed"], await learner.AnomalyKindsAsync());
    }

    [Fact]
    public async Task Expired_replayed_foreign_and_unknown_bizCodes_each_have_their_code()
    {
        var learner = await Learner.EnrolAsync(system, EveryMinute, firstVideoSeconds: 3600);
        var outsider = await Platforms.ProvisionAsync(system);
        await learner.StartAsync();

        var (passed, passedCode) = await learner.GetCodeAsync();
        EnvelopeAssert.Code("0", await learner.SubmitCodeAsync(passed, passedCode));
        system.Clock.Advance(TimeSpan.FromSeconds(2));
        var replayed = await learner.SubmitCodeAsync(passed, passedCode);

        var (expiring, expiringCode) = await learner.GetCodeAsync();
        var (foreign, foreignCode) = await learner.GetCodeAsync();
        var byOutsider = await learner.SubmitCodeAsync(foreign, foreignCode, outsider);
        system.Clock.Advance(TimeSpan.FromSeconds(61));
        var expired = await learner.SubmitCodeAsync(expiring, expiringCode);
        var unknown = await learner.SubmitCodeAsync(TestIds.Code(), "1234");

        EnvelopeAssert.Code("1403", replayed);
        EnvelopeAssert.Code("1404", byOutsider);
        EnvelopeAssert.Code("1402", expired);
        EnvelopeAssert.Code("1401", unknown);
        Assert.Equal(["biz_code_expired", "biz_code_foreign", "biz_code_replayed"], (await learner.AnomalyKindsAsync()).Order());
    }

    [Fact]
    public async Task The_operator_sees_each_check_with_its_attempts_and_outcome()
    {
        var learner = await Learner.EnrolAsync(system, EveryMinute, firstVideoSeconds: 3600);
        await learner.StartAsync();
        var (bizCode, code) = await learner.GetCodeAsync();
        await learner.SubmitCodeAsync(bizCode, code == "0000" ? "1111" : "0000");
        await learner.SubmitCodeAsync(bizCode, code);

        var checks = await system.AdminAsync(HttpMethod.Get, $"/admin/classes/{learner.ClassCode}/students/{learner.StudentUserCode}/checks");

        var rows = checks["returnData"]!.AsArray().Reverse().Select(r => ((string)r!["kind"]!, (string)r["outcome"]!)).ToList();
        Assert.Equal([("check_issued", "0"), ("check_attempt", "1405"), ("check_attempt", "0"), ("check_passed", "0")], rows);
        Assert.All(checks["returnData"]!.AsArray(), r => Assert.Equal(bizCode, (string?)r!["details"]!["bizCode"]));
    }

    [Fact]
    public async Task The_code_is_also_served_as_a_picture_while_it_is_pending()
    {
        var learner = await Learner.EnrolAsync(system, EveryMinute, firstVideoSeconds: 3600);
        await learner.StartAsync();
        var issued = await system.PostEnvelopeAsync("/api/v1/getVerificationCode", new
        {
            studyPlatformCode = learner.Platforms.LearningCode, resCode = learner.FirstVideo, studentUserCode = learner.StudentUserCode, classCode = learner.ClassCode,
        }, learner.Platforms.LearningToken);
        var url = new Uri((string)issued["returnData"]!["verificationImageUrl"]!);

        using var picture = await system.Http.GetAsync(url.PathAndQuery);
        var png = await picture.Content.ReadAsByteArrayAsync();
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "verification-code.png"), png);
        EnvelopeAssert.Code("0", await learner.SubmitCodeAsync((string)issued["returnData"]!["bizCode"]!, (string)issued["returnData"]!["verificationCode"]!));
        using var afterUse = await system.Http.GetAsync(url.PathAndQuery);

        Assert.Equal("image/png", picture.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", picture.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(picture.Headers.CacheControl?.NoStore);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, afterUse.StatusCode);
        Assert.Contains("\"returnCode\":\"1403\"", await afterUse.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_check_needs_an_open_session_on_that_video()
    {
        var learner = await Learner.EnrolAsync(system, EveryMinute);
        var answer = await system.PostEnvelopeAsync("/api/v1/getVerificationCode", new
        {
            studyPlatformCode = learner.Platforms.LearningCode, resCode = learner.FirstVideo, studentUserCode = learner.StudentUserCode, classCode = learner.ClassCode,
        }, learner.Platforms.LearningToken);
        EnvelopeAssert.Code("1304", answer);
    }
}
