using Supervision.Grains.Crowds;

namespace Supervision.Tests.Flags;

/// <summary>
/// The crowd sweep's bound on the pairs it tallies (<see cref="CrowdOptions.MaxPairs"/>): a script driving hundreds of
/// accounts in lockstep coincides in tens of thousands of pairs a minute, which the sweep must not hold without end.
/// The coinciding events are given as the ledger's query returns them: one row a pair, a minute of reports apart, and
/// a coinciding check answer every five minutes.
/// </summary>
public sealed class CrowdPairBoundTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 8, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_crowd_larger_than_the_bound_is_flagged_among_the_pairs_tallied_each_with_every_coincidence_it_had()
    {
        var crowd = Accounts(30);

        var unbounded = await LockstepGroups.FindAsync(Lockstep(crowd, minutes: 16), 12, 2, 3, maxPairs: 500_000);
        var bounded = await LockstepGroups.FindAsync(Lockstep(crowd, minutes: 16), 12, 2, 3, maxPairs: 100);

        Assert.Equal(crowd.Count, Assert.Single(unbounded.Groups).Count);
        Assert.Equal(0, unbounded.PassedOver);

        Assert.Equal(100, bounded.PairsTallied);
        Assert.True(bounded.PassedOver > 0);
        // The first account's pairs with every other came first and were tallied, so every account is still flagged.
        var flagged = bounded.Groups.SelectMany(g => g).ToList();
        Assert.Equal(crowd.Select(c => c.Account).Order(StringComparer.Ordinal), flagged.Select(f => f.Key).Order(StringComparer.Ordinal));
        Assert.All(flagged, f => Assert.Equal(16, f.Value.Coincidences));
        Assert.All(flagged, f => Assert.Equal(unbounded.Groups[0][f.Key].Since, f.Value.Since));
    }

    [Fact]
    public async Task An_office_whose_reports_coincide_but_whose_people_answer_at_their_own_speed_is_not_flagged_with_or_without_the_bound()
    {
        var office = Accounts(30);

        foreach (var bound in new[] { 500_000, 100 })
        {
            var findings = await LockstepGroups.FindAsync(Lockstep(office, minutes: 16, answersCoincide: false), 12, 2, 3, bound);
            Assert.Empty(findings.Groups);
        }
    }

    private static List<(string Account, string CardNo)> Accounts(int count) =>
        Enumerable.Range(0, count).Select(i => ($"C1/S{i:D3}", $"11010519900101{i:D3}X")).ToList();

    /// <summary>Every pair of the accounts coinciding in a report each minute and, when the answers coincide, in a check answer every five minutes.</summary>
    private static async IAsyncEnumerable<CoincidenceBucket> Lockstep(List<(string Account, string CardNo)> accounts, int minutes, bool answersCoincide = true)
    {
        for (var minute = 0; minute < minutes; minute++)
        {
            var at = Start.AddMinutes(minute);
            foreach (var bucket in Pairs(accounts, at, isAnswer: false).Concat(answersCoincide && minute % 5 == 4 ? Pairs(accounts, at.AddSeconds(3), isAnswer: true) : []))
            {
                yield return bucket;
            }

            await Task.Yield();
        }
    }

    private static IEnumerable<CoincidenceBucket> Pairs(List<(string Account, string CardNo)> accounts, DateTimeOffset at, bool isAnswer) =>
        from i in Enumerable.Range(0, accounts.Count)
        from j in Enumerable.Range(i + 1, accounts.Count - i - 1)
        select new CoincidenceBucket(at, "script-device", isAnswer, [accounts[i].Account, accounts[j].Account], [accounts[i].CardNo, accounts[j].CardNo]);
}
