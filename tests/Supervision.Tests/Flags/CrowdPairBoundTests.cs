using Supervision.Grains.Crowds;

namespace Supervision.Tests.Flags;

/// <summary>
/// The crowd sweep's bound on the pairs it tallies (<see cref="CrowdOptions.MaxPairs"/>): a script driving hundreds of
/// accounts in lockstep coincides in tens of thousands of pairs a minute, which the sweep must not hold without end.
/// The coinciding events are given as the ledger's query returns them: a run of the accounts' events each minute, a
/// millisecond apart, and a run of check answers every five minutes.
/// </summary>
public sealed class CrowdPairBoundTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 8, 1, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task A_crowd_larger_than_the_bound_is_flagged_among_the_pairs_tallied_each_with_every_coincidence_it_had()
    {
        var crowd = Accounts(30);

        var unbounded = await LockstepGroups.FindAsync(Lockstep(crowd, minutes: 16), Window, 12, 2, 3, maxPairs: 500_000);
        var bounded = await LockstepGroups.FindAsync(Lockstep(crowd, minutes: 16), Window, 12, 2, 3, maxPairs: 100);

        Assert.Equal(crowd.Count, Assert.Single(unbounded.Groups).Count);
        Assert.False(unbounded.Bounded);

        Assert.Equal(100, bounded.PairsTallied);
        Assert.True(bounded.Bounded);
        Assert.Equal(0, bounded.AccountsPassedOver);
        // The first account's pairs with every other came first and were tallied, so every account is still flagged.
        var flagged = bounded.Groups.SelectMany(g => g).ToList();
        Assert.Equal(crowd.Select(c => c.Account).Order(StringComparer.Ordinal), flagged.Select(f => f.Key).Order(StringComparer.Ordinal));
        Assert.All(flagged, f => Assert.Equal(16, f.Value.Coincidences));
        Assert.All(flagged, f => Assert.Equal(unbounded.Groups[0][f.Key].Since, f.Value.Since));
    }

    [Fact]
    public async Task A_second_crowd_seen_only_past_the_bound_is_passed_over_and_counted_while_the_first_is_still_flagged_whole()
    {
        var first = Accounts(30);
        var second = Accounts(10, "C2", 500);

        var findings = await LockstepGroups.FindAsync(OneAfterTheOther(Lockstep(first, minutes: 16), Lockstep(second, minutes: 16, device: "second-device")), Window, 12, 2, 3, maxPairs: 100);

        Assert.True(findings.Bounded);
        Assert.Equal(second.Count, findings.AccountsPassedOver);
        var flagged = Assert.Single(findings.Groups);
        Assert.Equal(first.Select(c => c.Account).Order(StringComparer.Ordinal), flagged.Keys.Order(StringComparer.Ordinal));
        Assert.All(flagged.Values, f => Assert.Equal(16, f.Coincidences));
    }

    [Fact]
    public async Task An_office_whose_reports_coincide_but_whose_people_answer_at_their_own_speed_is_not_flagged_with_or_without_the_bound()
    {
        var office = Accounts(30);

        foreach (var bound in new[] { 500_000, 100 })
        {
            var findings = await LockstepGroups.FindAsync(Lockstep(office, minutes: 16, answersCoincide: false), Window, 12, 2, 3, bound);
            Assert.Empty(findings.Groups);
        }
    }

    private static List<(string Account, string CardNo)> Accounts(int count, string classCode = "C1", int firstPerson = 0) =>
        Enumerable.Range(firstPerson, count).Select(i => ($"{classCode}/S{i:D3}", $"11010519900101{i:D3}X")).ToList();

    /// <summary>Both crowds' runs as the ledger's query returns them: sorted by device id, one device's after the other's.</summary>
    private static async IAsyncEnumerable<CoincidenceRun> OneAfterTheOther(IAsyncEnumerable<CoincidenceRun> first, IAsyncEnumerable<CoincidenceRun> second)
    {
        await foreach (var run in first)
        {
            yield return run;
        }

        await foreach (var run in second)
        {
            yield return run;
        }
    }

    /// <summary>The accounts' reports in one run each minute and, when the answers coincide, their check answers in one run every five minutes.</summary>
    private static async IAsyncEnumerable<CoincidenceRun> Lockstep(List<(string Account, string CardNo)> accounts, int minutes, bool answersCoincide = true, string device = "script-device")
    {
        for (var minute = 0; minute < minutes; minute++)
        {
            var at = Start.AddMinutes(minute);
            yield return Run(accounts, device, at, isAnswer: false);
            if (answersCoincide && minute % 5 == 4)
            {
                yield return Run(accounts, device, at.AddSeconds(3), isAnswer: true);
            }

            await Task.Yield();
        }
    }

    /// <summary>A script's calls for its accounts, one after another a millisecond apart: 30 of them within the window.</summary>
    private static CoincidenceRun Run(List<(string Account, string CardNo)> accounts, string device, DateTimeOffset at, bool isAnswer) =>
        new(device, isAnswer, accounts.Select((a, i) => new RunEvent(at.AddMilliseconds(i), a.Account, a.CardNo)).ToList());
}
