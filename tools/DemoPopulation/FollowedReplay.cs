namespace Supervision.DemoPopulation;

/// <summary>
/// The demo server's clock as it replays a past day (the server's <c>Supervision:Clock</c>), followed from outside: from
/// the server's time when it was read, at its speed, until the day's end; then the real time, as the server jumps to it.
/// </summary>
public sealed class FollowedReplay(DateTimeOffset serverNow, DateTimeOffset end, double speed) : TimeProvider
{
    private readonly DateTimeOffset readAt = System.GetUtcNow();

    public double Speed => speed;

    public DateTimeOffset End => end;

    public bool Replaying => Replayed < end;

    public override DateTimeOffset GetUtcNow() => Replayed is var replayed && replayed < end ? replayed : System.GetUtcNow();

    private DateTimeOffset Replayed => serverNow + ((System.GetUtcNow() - readAt) * speed);
}
