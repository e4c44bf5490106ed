using Supervision.Contracts.Study;

namespace Supervision.Grains.Crowds;

/// <summary>
/// Finds crowds among runs of coinciding events (two events of a run coincide when they arrived within the window of
/// each other): two accounts of different people move together when they coincide in at
/// least <c>minCoincidences</c> reports spread over at least <see cref="CrowdFlag.MinimumSpan"/> and in at least
/// <c>minAnswers</c> check answers; a crowd is a connected group of such accounts holding at least <c>minPeople</c>
/// people. The answers are required because nothing else tells a script from an office whose platform sends one
/// device id for everyone and whose people pressed play together: their reports can coincide for many minutes, but
/// people answer checks at their own speed. Each account of a crowd gets its flag,
/// naming the accounts it moves with.
/// </summary>
/// <remarks>
/// A crowd of k accounts in lockstep is k·(k−1)/2 pairs, so the pairs tallied are bounded (<c>maxPairs</c>): past the
/// bound, events of a pair not yet tallied are passed over, and every pair already tallied still counts all of its
/// events: the crowd's accounts among those pairs are flagged as they would be without the bound, the others not by
/// this sweep, and the sweep says how many accounts it passed over (docs/study-rules.md "Crowds").
/// </remarks>
public static class LockstepGroups
{
    public static async Task<LockstepFindings> FindAsync(IAsyncEnumerable<CoincidenceRun> runs, TimeSpan window, int minCoincidences, int minAnswers, int minPeople, int maxPairs)
    {
        var pairs = new Dictionary<(string, string), PairTally>();
        var cardOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var accounts = new HashSet<string>(StringComparer.Ordinal);
        var paired = new HashSet<string>(StringComparer.Ordinal);
        var passedOver = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var run in runs)
        {
            var events = pairs.Count < maxPairs ? run.Events : OfPaired(run.Events, paired, passedOver);
            for (var i = 0; i < events.Count; i++)
            {
                cardOf[events[i].Account] = events[i].CardNo;
                for (var j = i + 1; j < events.Count && events[j].At - events[i].At <= window; j++)
                {
                    if (events[i].Account == events[j].Account || string.Equals(events[i].CardNo, events[j].CardNo, StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    var key = Pair(accounts, events[i].Account, events[j].Account);
                    if (!pairs.TryGetValue(key, out var tally))
                    {
                        if (pairs.Count >= maxPairs)
                        {
                            passedOver.Add(key.Item1);
                            passedOver.Add(key.Item2);
                            continue;
                        }

                        pairs[key] = tally = new PairTally();
                        paired.Add(key.Item1);
                        paired.Add(key.Item2);
                    }

                    tally.Add(events[i].At, run.DeviceId, run.IsAnswer);
                }
            }
        }

        passedOver.ExceptWith(paired);
        var together = pairs.Where(p => p.Value.Count >= minCoincidences && p.Value.Answers >= minAnswers && p.Value.Last - p.Value.First >= CrowdFlag.MinimumSpan).ToList();
        var groups = Components(together.Select(p => p.Key))
            .Where(group => group.Select(a => cardOf[a]).Distinct(StringComparer.OrdinalIgnoreCase).Count() >= minPeople)
            .Select(group => (IReadOnlyDictionary<string, CrowdFlag>)group.ToDictionary(account => account, account =>
            {
                var own = together.Where(p => p.Key.Item1 == account || p.Key.Item2 == account).Select(p => p.Value).ToList();
                return new CrowdFlag(
                    own.Min(t => t.First),
                    own.Max(t => t.Last),
                    own.Max(t => t.Count),
                    own.SelectMany(t => t.Devices).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
                    group.Where(a => a != account).Order(StringComparer.Ordinal).ToList())
                {
                    AnswerCoincidences = own.Max(t => t.Answers),
                };
            }))
            .ToList();
        return new LockstepFindings(groups, pairs.Count, pairs.Count >= maxPairs, passedOver.Count);
    }

    /// <summary>
    /// Once the tallies are full only pairs already tallied count, and both of their accounts are in one: the events of
    /// other accounts are set aside before pairing, so a run of k events costs the pairs among tallied accounts, not k².
    /// </summary>
    private static List<RunEvent> OfPaired(IReadOnlyList<RunEvent> events, HashSet<string> paired, HashSet<string> passedOver)
    {
        var kept = new List<RunEvent>(events.Count);
        foreach (var e in events)
        {
            if (paired.Contains(e.Account))
            {
                kept.Add(e);
            }
            else
            {
                passedOver.Add(e.Account);
            }
        }

        return kept;
    }

    /// <summary>The pair's key, ordered, each account the one string all its pairs share: a sweep holds each account once, not once a row.</summary>
    private static (string, string) Pair(HashSet<string> accounts, string a, string b)
    {
        (a, b) = (Held(accounts, a), Held(accounts, b));
        return string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
    }

    private static string Held(HashSet<string> accounts, string account)
    {
        if (accounts.TryGetValue(account, out var held))
        {
            return held;
        }

        accounts.Add(account);
        return account;
    }

    private static List<List<string>> Components(IEnumerable<(string, string)> edges)
    {
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        string Root(string a)
        {
            while (parent[a] != a)
            {
                a = parent[a] = parent[parent[a]];
            }

            return a;
        }

        foreach (var (a, b) in edges)
        {
            parent.TryAdd(a, a);
            parent.TryAdd(b, b);
            parent[Root(a)] = Root(b);
        }

        return parent.Keys.GroupBy(Root).Select(g => g.Order(StringComparer.Ordinal).ToList()).ToList();
    }

    /// <summary>How often two accounts' reports and check answers coincided, from when to when (reports), on which devices.</summary>
    private sealed class PairTally
    {
        public int Count { get; private set; }

        public int Answers { get; private set; }

        public DateTimeOffset First { get; private set; } = DateTimeOffset.MaxValue;

        public DateTimeOffset Last { get; private set; } = DateTimeOffset.MinValue;

        public HashSet<string> Devices { get; } = new(StringComparer.Ordinal);

        public void Add(DateTimeOffset at, string deviceId, bool isAnswer)
        {
            Devices.Add(deviceId);
            if (isAnswer)
            {
                Answers++;
                return;
            }

            Count++;
            First = at < First ? at : First;
            Last = at > Last ? at : Last;
        }
    }
}
