using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Study;

[Collection(ClusterCollection.Name)]
public sealed class GateTests(SupervisionCluster system)
{
    [Fact]
    public async Task A_real_name_class_credits_nothing_until_the_ID_number_and_name_check_out()
    {
        var learner = await Learner.EnrolAsync(system, policy: new { realNameAuthentication = 1 }, firstVideoSeconds: 3600);
        await learner.StartAsync();

        var gated = (await learner.PlayMinutesAsync(1))[0];
        var wrongName = await learner.AuthenticateAsync("李四");
        var stillGated = (await learner.PlayMinutesAsync(1, 60))[0];
        var passed = await learner.AuthenticateAsync("张 丽");
        var counted = (await learner.PlayMinutesAsync(1, 120))[0];

        EnvelopeAssert.Code("1301", gated);
        EnvelopeAssert.Code("1302", wrongName);
        EnvelopeAssert.Code("1301", stillGated);
        EnvelopeAssert.Code("0", passed);
        Assert.Equal(60, Learner.Credited(counted));
        Assert.Equal(60, (await Ledger.CreditedAsync(system, learner.ClassCode)).Values.Sum());
    }

    [Fact]
    public async Task Authentication_refuses_a_malformed_ID_number_and_an_unknown_person()
    {
        var platforms = await Platforms.ProvisionAsync(system);
        var malformed = await system.PostEnvelopeAsync("/api/v1/authentication", new { studyPlatformCode = platforms.LearningCode, cardNo = "11010519491231002Y", name = "张丽" }, platforms.LearningToken);
        var unknown = await system.PostEnvelopeAsync("/api/v1/authentication", new { studyPlatformCode = platforms.LearningCode, cardNo = TestIds.IdNumber(), name = "张丽" }, platforms.LearningToken);

        EnvelopeAssert.Code("1003", malformed);
        EnvelopeAssert.Names("cardNo", malformed);
        EnvelopeAssert.Code("1202", unknown);
    }

    [Fact]
    public async Task A_photo_replaced_after_study_began_is_kept_in_the_history_and_is_an_anomaly()
    {
        var learner = await Learner.EnrolAsync(system);
        var replace = new { studyPlatformCode = learner.Platforms.LearningCode, cardNo = learner.CardNo, ercunPhotoUrl = "http://img.example.test/before.jpg" };
        EnvelopeAssert.Code("0", await system.PostEnvelopeAsync("/api/v1/updateErcunPhotosUrl", replace, learner.Platforms.LearningToken));
        await learner.StartAsync();
        EnvelopeAssert.Code("0", await system.PostEnvelopeAsync("/api/v1/updateErcunPhotosUrl", replace with { ercunPhotoUrl = "http://img.example.test/after.jpg" }, learner.Platforms.LearningToken));

        var student = await system.AdminAsync(HttpMethod.Get, $"/admin/students/{learner.CardNo}");
        var history = student["returnData"]!["photoHistory"]!.AsArray().Select(p => (string)p!["url"]!).ToList();
        Assert.Equal(["http://img.example.test/before.jpg", "http://img.example.test/after.jpg"], history);
        var anomalies = await system.AdminAsync(HttpMethod.Get, "/admin/anomalies");
        Assert.Contains(anomalies["returnData"]!.AsArray(), a => (string?)a!["kind"] == "photo_changed_after_study" && ((string?)a["details"]!["current"])!.EndsWith("after.jpg"));
    }
}
