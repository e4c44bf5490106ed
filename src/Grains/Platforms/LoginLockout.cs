namespace Supervision.Grains.Platforms;

/// <summary>Five failed logins within a quarter of an hour lock an account for a quarter of an hour.</summary>
public sealed class LoginLockout
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private readonly Queue<DateTimeOffset> failures = new();

    public DateTimeOffset? LockedUntil { get; private set; }

    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && now < until;

    public void Fail(DateTimeOffset now)
    {
        failures.Enqueue(now);
        while (failures.Peek() < now - Window)
        {
            failures.Dequeue();
        }

        if (failures.Count >= MaxFailures)
        {
            LockedUntil = now + Window;
            failures.Clear();
        }
    }

    public void Reset()
    {
        failures.Clear();
        LockedUntil = null;
    }
}
