namespace Supervision.Grains.Platforms;

/// <summary>
/// Failed logins counted per account and source address together, so that a stranger's guesses hold up only the
/// stranger: the platform logging in from its own address never waits for them. A pair's first
/// <see cref="FreeFailures"/> cost nothing; then each failure makes the pair wait twice as long as the last, from
/// <see cref="FirstDelay"/> up to <see cref="MaxDelay"/>. A success forgives the pair, a day without failures
/// forgets it. Account names are counted whether or not such an account exists, so neither the refusal nor its
/// timing tells a stranger which accounts do.
/// </summary>
/// <remarks>
/// Not one of System.Threading.RateLimiting's limiters: those count permits on the real clock, while this counts a
/// pair's consecutive failures, doubles its wait and is tested on the injected one.
/// </remarks>
public sealed class LoginBackoff(int freeFailures = LoginBackoff.FreeFailures)
{
    /// <summary>The failures a pair may make before it waits, unless the backoff is made with another number.</summary>
    public const int FreeFailures = 5;
    public static readonly TimeSpan FirstDelay = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromHours(1);
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromDays(1);

    /// <summary>Bounds the memory a flood of invented account names can take; the stalest pairs go first.</summary>
    public const int MaxPairs = 50_000;

    private readonly Dictionary<(string Account, string Address), Failures> pairs = new();

    /// <summary>How many pairs are remembered.</summary>
    public int Pairs => pairs.Count;

    /// <summary>Until when the pair must wait before its next attempt, or null when it may try now.</summary>
    public DateTimeOffset? RefusedUntil(string account, string address, DateTimeOffset now) =>
        Current(account, address, now) is { } failures && failures.Count >= freeFailures && failures.Last + Delay(failures.Count) is var until && now < until
            ? until
            : null;

    /// <summary>
    /// Counts an attempt as failed before its password is checked: logins interleave, so a second guess of the same
    /// pair that arrives while the first is being hashed must already see it.
    /// </summary>
    public void Attempt(string account, string address, DateTimeOffset now)
    {
        var failures = Current(account, address, now) ?? new Failures();
        failures.Count++;
        failures.Last = now;
        pairs[(account, address)] = failures;
        if (pairs.Count > MaxPairs)
        {
            Evict();
        }
    }

    public void Forgive(string account, string address) => pairs.Remove((account, address));

    private TimeSpan Delay(int failures)
    {
        var doublings = Math.Min(failures - freeFailures, 16);
        var delay = FirstDelay * (1 << doublings);
        return delay < MaxDelay ? delay : MaxDelay;
    }

    private Failures? Current(string account, string address, DateTimeOffset now)
    {
        if (!pairs.TryGetValue((account, address), out var failures))
        {
            return null;
        }

        if (now - failures.Last < ForgetAfter)
        {
            return failures;
        }

        pairs.Remove((account, address));
        return null;
    }

    private void Evict()
    {
        var stalest = pairs.OrderBy(pair => pair.Value.Last).Take(pairs.Count - (MaxPairs * 3 / 4)).Select(pair => pair.Key).ToList();
        foreach (var pair in stalest)
        {
            pairs.Remove(pair);
        }
    }

    private sealed class Failures
    {
        public int Count { get; set; }

        public DateTimeOffset Last { get; set; }
    }
}
