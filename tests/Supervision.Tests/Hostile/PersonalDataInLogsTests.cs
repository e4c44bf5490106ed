using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Hostile;

[Collection(ClusterCollection.Name)]
public sealed class PersonalDataInLogsTests(SupervisionCluster system)
{
    [Fact]
    public async Task A_whole_study_scenario_writes_no_ID_number_name_or_phone_to_any_log()
    {
        const string name = "欧阳娜娜";
        const string phone = "13912345678";
        var learner = await Learner.EnrolAsync(system, new { realNameAuthentication = 1, videoOnHook = 1 }, firstVideoSeconds: 3600);
        await system.PostEnvelopeAsync("/api/user/v1/studentInfo", new[]
        {
            new { studyPlatformApiUrl = learner.Platforms.LearningUrl, stuCode = learner.StudentUserCode, stuName = name, stuCard = learner.CardNo, mobile = phone },
        }, learner.Platforms.BusinessToken);
        await learner.AuthenticateAsync("wrong name");
        await learner.AuthenticateAsync(name);
        await learner.StartAsync();
        await learner.PlayMinutesAsync(2);
        var (bizCode, code) = await learner.GetCodeAsync();
        await learner.SubmitCodeAsync(bizCode, code);
        await system.PostEnvelopeAsync("/api/v1/updateErcunPhotosUrl", new { studyPlatformCode = learner.Platforms.LearningCode, cardNo = learner.CardNo, ercunPhotoUrl = "http://img.example.test/new.jpg" }, learner.Platforms.LearningToken);
        await system.AdminAsync(HttpMethod.Get, $"/admin/students/{learner.CardNo}");
        await learner.EndAsync();

        Assert.NotEmpty(system.Logs.Lines);
        Assert.DoesNotContain(system.Logs.Lines, line => line.Contains(learner.CardNo, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(system.Logs.Lines, line => line.Contains(name) || line.Contains("张丽"));
        Assert.DoesNotContain(system.Logs.Lines, line => line.Contains(phone));
    }
}
