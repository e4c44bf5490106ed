using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Study;

/// <summary>
/// A 15-digit resident ID number (the pre-1999 form) and its 18-digit form are one person (SPEC rule 13): the
/// person-wide rules hold across the two forms, and the person's records answer to either.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OneIdentityTests(SupervisionCluster system)
{
    private const int ToleranceSeconds = 5;

    [Fact]
    public async Task One_person_enrolled_under_both_forms_of_the_ID_number_and_played_at_once_earns_no_more_than_the_clock()
    {
        var (legacy, normal) = TestIds.LegacyIdNumber();
        var underLegacy = await Learner.EnrolAsync(system, firstVideoSeconds: 3600, cardNo: legacy);
        var underNormal = await Learner.EnrolAsync(system, firstVideoSeconds: 3600, platforms: underLegacy.Platforms, cardNo: normal);
        var began = system.Clock.GetUtcNow();
        await underLegacy.StartAsync();
        system.Clock.Advance(TimeSpan.FromSeconds(5));
        await underLegacy.ReportAsync(5, 5);

        await underNormal.StartAsync(); // the second tab, while the first plays
        var legacyWhileNormalLive = new List<int>();
        for (var minute = 1; minute <= 5; minute++)
        {
            system.Clock.Advance(TimeSpan.FromSeconds(60));
            legacyWhileNormalLive.Add(Learner.CreditedOrZero(await underLegacy.ReportAsync(5 + (minute * 60), 60)));
            await underNormal.ReportAsync(minute * 60, 60);
        }

        var elapsed = (int)(system.Clock.GetUtcNow() - began).TotalSeconds;
        Assert.All(legacyWhileNormalLive, credited => Assert.Equal(0, credited));
        Assert.InRange((await underLegacy.StudyRecordAsync() ?? 0) + (await underNormal.StudyRecordAsync() ?? 0), 0, elapsed + ToleranceSeconds);
        Assert.Contains("concurrent_session", await underLegacy.AnomalyKindsAsync());
    }

    [Fact]
    public async Task A_person_registered_under_the_15_digit_form_is_found_and_checked_under_the_18_digit_form()
    {
        var (legacy, normal) = TestIds.LegacyIdNumber();
        var learner = await Learner.EnrolAsync(system, cardNo: legacy);

        var checkedUnderNormal = await system.PostEnvelopeAsync("/api/v1/authentication",
            new { studyPlatformCode = learner.Platforms.LearningCode, cardNo = normal, name = "张丽" }, learner.Platforms.LearningToken);
        var byLegacy = await system.AdminAsync(HttpMethod.Get, $"/admin/students/{legacy}");
        var byNormal = await system.AdminAsync(HttpMethod.Get, $"/admin/students/{normal}");

        EnvelopeAssert.Code("0", checkedUnderNormal);
        Assert.Equal(normal, (string?)byNormal["returnData"]?["cardNo"]);
        Assert.Equal(byNormal.ToJsonString(), byLegacy.ToJsonString());
        Assert.NotNull(byNormal["returnData"]?["realNameVerifiedAt"]);
    }

    [Fact]
    public async Task An_honest_roster_re_sent_with_the_18_digit_form_of_the_same_people_changes_no_identity()
    {
        var (legacy, normal) = TestIds.LegacyIdNumber();
        var learner = await Learner.EnrolAsync(system, firstVideoSeconds: 3600, cardNo: legacy);
        await learner.StartAsync();
        await learner.PlayMinutesAsync(2);

        EnvelopeAssert.Code("0", await system.PostEnvelopeAsync("/api/class/v1/pushClassInfo",
            learner.Platforms.ClassBody(learner.ClassCode, 3600, (normal, learner.StudentUserCode, "张丽")), learner.Platforms.BusinessToken));
        await learner.StartAsync();
        var afterRepush = await learner.PlayMinutesAsync(1, 120);

        Assert.Equal(60, Learner.Credited(afterRepush[0]));
        Assert.Equal(180, await learner.StudyRecordAsync());
        Assert.DoesNotContain("roster_identity_changed", await learner.AnomalyKindsAsync());
    }
}
