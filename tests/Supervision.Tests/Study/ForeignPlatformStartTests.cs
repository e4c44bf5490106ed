using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Study;

/// <summary>
/// No learning platform acts on another's study (SPEC rule 13): a second business and learning platform that knows a
/// learner's ID number enrols them in a class of its own and starts study there. While the real study is live the
/// start is refused and recorded on the newcomer's side; the real study, its clock and its class are untouched.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ForeignPlatformStartTests(SupervisionCluster system)
{
    [Fact]
    public async Task A_start_on_another_platform_while_the_learner_plays_is_refused_and_the_learners_study_earns_on_untouched()
    {
        var victim = await Learner.EnrolAsync(system, firstVideoSeconds: 3600);
        var saboteur = await Learner.EnrolAsync(system, firstVideoSeconds: 3600, platforms: await Platforms.ProvisionAsync(system), cardNo: victim.CardNo);
        await victim.StartAsync();
        var before = await victim.PlayMinutesAsync(2);

        var refused = await saboteur.StartAsync();
        var saboteurReport = await saboteur.ReportAsync(60, 60);
        var after = await victim.PlayMinutesAsync(3, 120);

        EnvelopeAssert.Code("1309", refused);
        EnvelopeAssert.Code("1304", saboteurReport);
        Assert.All(before.Concat(after), a => Assert.Equal(60, Learner.Credited(a)));
        Assert.Equal(300, await victim.StudyRecordAsync());
        Assert.Empty(await victim.AnomalyKindsAsync());
        Assert.Equal(["live_on_another_platform"], await saboteur.AnomalyKindsAsync());
        Assert.Null(await saboteur.StudyRecordAsync());
    }

    [Fact]
    public async Task A_start_on_another_platform_while_the_learner_is_paused_for_a_check_is_refused_too()
    {
        var victim = await Learner.EnrolAsync(system, firstVideoSeconds: 3600);
        var saboteur = await Learner.EnrolAsync(system, firstVideoSeconds: 3600, platforms: await Platforms.ProvisionAsync(system), cardNo: victim.CardNo);
        await victim.StartAsync();
        await victim.PlayMinutesAsync(1);
        system.Clock.Advance(TimeSpan.FromSeconds(20));
        await victim.PauseAsync(); // the public client pauses before every check
        var flush = await victim.ReportAsync(80, 20);

        system.Clock.Advance(TimeSpan.FromSeconds(30));
        var refused = await saboteur.StartAsync();
        var resumed = await victim.PlayMinutesAsync(2, 80);

        Assert.Equal(20, Learner.Credited(flush));
        EnvelopeAssert.Code("1309", refused);
        Assert.All(resumed, a => EnvelopeAssert.Code("0", a));
        Assert.Empty(await victim.AnomalyKindsAsync());
    }

    [Fact]
    public async Task A_learner_who_left_one_platform_and_starts_on_another_later_is_let_in_and_the_first_class_records_nothing_against_them()
    {
        var morning = await Learner.EnrolAsync(system, policy: new { videoPlayRecord = 1 }, firstVideoSeconds: 3600);
        var afternoon = await Learner.EnrolAsync(system, firstVideoSeconds: 3600, platforms: await Platforms.ProvisionAsync(system), cardNo: morning.CardNo);
        await morning.StartAsync();
        await morning.PlayMinutesAsync(3);
        system.Clock.Advance(TimeSpan.FromMinutes(5)); // the tab was closed without endStudy

        var started = await afternoon.StartAsync();
        var played = await afternoon.PlayMinutesAsync(3);
        var staleTab = await morning.ReportAsync(240, 60);

        EnvelopeAssert.Code("0", started);
        Assert.All(played, a => Assert.Equal(60, Learner.Credited(a)));
        EnvelopeAssert.Code("1305", staleTab);
        Assert.Equal(180, await morning.StudyRecordAsync());
        Assert.Equal(180, await afternoon.StudyRecordAsync());
        Assert.Empty(await morning.AnomalyKindsAsync());
        Assert.Empty(await afternoon.AnomalyKindsAsync());
    }
}
