namespace Supervision.Grains.Platforms;

/// <summary>
/// A token bucket of people a business platform may register: it starts full at its capacity and refills
/// continuously at its capacity per minute, so a platform can send a burst of that many, then that many a minute.
/// A request takes its whole count or nothing, so a refused request leaves the bucket as it was.
/// </summary>
public sealed class IntakeBucket(int perMinute, DateTimeOffset now)
{
    private double available = perMinute;
    private DateTimeOffset refilledAt = now;

    public bool TryTake(int people, DateTimeOffset now)
    {
        Refill(now);
        if (people > available)
        {
            return false;
        }

        available -= people;
        return true;
    }

    /// <summary>How many could be taken now.</summary>
    public int Available(DateTimeOffset now)
    {
        Refill(now);
        return (int)Math.Floor(available);
    }

    /// <summary>How long until <paramref name="people"/> could be taken, if nothing else is taken meanwhile.</summary>
    public TimeSpan WaitFor(int people, DateTimeOffset now)
    {
        Refill(now);
        return people <= available ? TimeSpan.Zero : TimeSpan.FromMinutes((people - available) / perMinute);
    }

    private void Refill(DateTimeOffset now)
    {
        // A clock that steps back (a corrected system clock) adds nothing rather than taking tokens away.
        var elapsed = now - refilledAt;
        if (elapsed > TimeSpan.Zero)
        {
            available = Math.Min(perMinute, available + elapsed.TotalMinutes * perMinute);
            refilledAt = now;
        }
    }
}
