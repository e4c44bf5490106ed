using System.Text.Json.Nodes;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Study;

/// <summary>
/// The clock bank across one person's classes (SPEC rule 3): a script playing two classes at once earns no more
/// than the clock and is recorded, a learner who pauses one and plays the other loses nothing. The person's grain
/// carries the study from one class to the other; the rules of one class are tested without a cluster
/// (tests/Supervision.Tests/Decider).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class StudyCheatTests(SupervisionCluster system)
{
    private const int ToleranceSeconds = 5;

    [Fact]
    public async Task Two_classes_of_one_person_played_at_once_in_two_tabs_earn_no_more_than_the_clock_and_are_concurrent_sessions()
    {
        var first = await Learner.EnrolAsync(system, firstVideoSeconds: 3600);
        var second = await first.EnrolInAnotherClassAsync(firstVideoSeconds: 3600);
        var began = system.Clock.GetUtcNow();
        await first.StartAsync();
        system.Clock.Advance(TimeSpan.FromSeconds(5));
        await first.ReportAsync(5, 5);
        await second.StartAsync(); // the second tab, while the first plays

        var firstWhileSecondLive = new List<JsonObject>();
        for (var minute = 1; minute <= 5; minute++)
        {
            system.Clock.Advance(TimeSpan.FromSeconds(60));
            firstWhileSecondLive.Add(await first.ReportAsync(5 + (minute * 60), 60));
            await second.ReportAsync(minute * 60, 60);
        }

        var firstKinds = await first.AnomalyKindsAsync(); // the first one was playing when the second started
        await first.StartAsync(); // the script reloads the first tab, and goes on reporting in both
        var secondWhileFirstLive = new List<JsonObject>();
        for (var minute = 6; minute <= 10; minute++)
        {
            system.Clock.Advance(TimeSpan.FromSeconds(60));
            await first.ReportAsync(5 + (minute * 60), 60);
            secondWhileFirstLive.Add(await second.ReportAsync(minute * 60, 60));
        }

        var elapsed = (int)(system.Clock.GetUtcNow() - began).TotalSeconds;
        Assert.All(firstWhileSecondLive, a => EnvelopeAssert.Code("1305", a));
        Assert.All(secondWhileFirstLive, a => EnvelopeAssert.Code("1305", a));
        Assert.InRange(await CreditedAsync(first) + await CreditedAsync(second), 0, elapsed + ToleranceSeconds);
        Assert.Contains("concurrent_session", firstKinds);
        Assert.Contains("closed_session_report", firstKinds);
        var secondKinds = await second.AnomalyKindsAsync();
        Assert.Contains("concurrent_session", secondKinds);
        Assert.Contains("closed_session_report", secondKinds);
    }

    [Fact]
    public async Task Pausing_one_class_and_then_playing_another_of_the_same_person_is_credited_whole_without_anomaly()
    {
        var first = await Learner.EnrolAsync(system, firstVideoSeconds: 3600);
        var second = await first.EnrolInAnotherClassAsync(firstVideoSeconds: 3600);

        await first.StartAsync();
        var firstMorning = await first.PlayMinutesAsync(3);
        var firstFlush = await PauseAndFlushAsync(first, 180);
        EnvelopeAssert.Code("0", await second.StartAsync());
        var secondClass = await second.PlayMinutesAsync(3);
        var secondFlush = await PauseAndFlushAsync(second, 180);
        EnvelopeAssert.Code("0", await first.StartAsync());
        var firstAgain = await first.PlayMinutesAsync(3, 200);

        Assert.All(firstMorning.Concat(secondClass).Concat(firstAgain), a => Assert.Equal(60, Learner.Credited(a)));
        Assert.Equal([20, 20], [Learner.Credited(firstFlush), Learner.Credited(secondFlush)]);
        Assert.Empty(await first.AnomalyKindsAsync());
        Assert.Empty(await second.AnomalyKindsAsync());
    }

    /// <summary>The real client's pause: 20 s after its last report, endStudy and at once the report of those 20 s.</summary>
    private async Task<JsonObject> PauseAndFlushAsync(Learner learner, int position)
    {
        system.Clock.Advance(TimeSpan.FromSeconds(20));
        EnvelopeAssert.Code("0", await learner.PauseAsync());
        return await learner.ReportAsync(position + 20, 20);
    }

    private async Task<long> CreditedAsync(Learner learner) =>
        (await Ledger.CreditedAsync(system, learner.ClassCode)).Values.Sum();
}
