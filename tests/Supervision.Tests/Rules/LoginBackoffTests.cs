using Supervision.Grains.Platforms;

namespace Supervision.Tests.Rules;

public sealed class LoginBackoffTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_wait_doubles_up_to_an_hour_and_no_further()
    {
        var backoff = new LoginBackoff();
        var now = Start;
        for (var i = 0; i < LoginBackoff.FreeFailures; i++)
        {
            Assert.Null(backoff.RefusedUntil("account", "203.0.113.1", now));
            backoff.Attempt("account", "203.0.113.1", now);
        }

        var waits = new List<TimeSpan>();
        for (var i = 0; i < 9; i++)
        {
            var until = backoff.RefusedUntil("account", "203.0.113.1", now)!.Value;
            waits.Add(until - now);
            now = until;
            Assert.Null(backoff.RefusedUntil("account", "203.0.113.1", now));
            backoff.Attempt("account", "203.0.113.1", now);
        }

        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60, 60], waits.Select(w => (int)w.TotalMinutes));
    }

    [Fact]
    public void Pairs_are_apart_and_a_quiet_day_forgets_one()
    {
        var backoff = new LoginBackoff();
        for (var i = 0; i < LoginBackoff.FreeFailures; i++)
        {
            backoff.Attempt("account", "203.0.113.1", Start);
        }

        Assert.NotNull(backoff.RefusedUntil("account", "203.0.113.1", Start));
        Assert.Null(backoff.RefusedUntil("account", "198.51.100.1", Start));
        Assert.Null(backoff.RefusedUntil("other", "203.0.113.1", Start));

        backoff.Attempt("account", "203.0.113.1", Start + LoginBackoff.ForgetAfter);
        Assert.Null(backoff.RefusedUntil("account", "203.0.113.1", Start + LoginBackoff.ForgetAfter));
    }

    [Fact]
    public void A_flood_of_invented_accounts_keeps_the_table_bounded_and_the_freshest_pairs()
    {
        var backoff = new LoginBackoff();
        for (var i = 0; i < LoginBackoff.FreeFailures; i++)
        {
            backoff.Attempt("target", "203.0.113.1", Start.AddSeconds(LoginBackoff.MaxPairs));
        }

        for (var i = 0; i < LoginBackoff.MaxPairs + 1; i++)
        {
            backoff.Attempt("invented-" + i, "203.0.113.2", Start.AddSeconds(i));
        }

        Assert.NotNull(backoff.RefusedUntil("target", "203.0.113.1", Start.AddSeconds(LoginBackoff.MaxPairs)));
        Assert.True(backoff.Pairs <= LoginBackoff.MaxPairs);
    }
}
