using Microsoft.Extensions.Time.Testing;
using Supervision.Contracts;

namespace Supervision.Tests.Demo;

/// <summary>The demo server's clock: a stretch of the past replayed fast, then the real time, never backwards.</summary>
public sealed class ReplayClockTests
{
    private static readonly DateTimeOffset RealStart = new(2026, 12, 7, 22, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Yesterday0800China = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void It_replays_the_stretch_at_its_speed_then_jumps_forward_to_the_real_time()
    {
        var real = new FakeTimeProvider(RealStart);
        var clock = new ReplayClock(real, new ReplayClockSettings { ReplayFrom = Yesterday0800China, ReplayLength = TimeSpan.FromHours(10), ReplaySpeed = 60 });

        Assert.Equal(Yesterday0800China, clock.GetUtcNow());
        real.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(Yesterday0800China.AddMinutes(1), clock.GetUtcNow());
        real.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(58));
        Assert.Equal(Yesterday0800China.AddHours(10).AddMinutes(-1), clock.GetUtcNow());
        Assert.True(clock.Replaying);

        real.Advance(TimeSpan.FromSeconds(1));

        Assert.False(clock.Replaying);
        Assert.Equal(real.GetUtcNow(), clock.GetUtcNow());
        Assert.True(clock.GetUtcNow() > Yesterday0800China.AddHours(10));
    }

    [Theory]
    [InlineData(-1, 60)]
    [InlineData(0, 60)]
    [InlineData(10, 0.5)]
    [InlineData(10, 7200)]
    [InlineData(47, 60)]
    public void A_stretch_that_is_empty_too_slow_too_fast_or_reaches_past_now_is_refused(double hours, double speed)
    {
        var settings = new ReplayClockSettings { ReplayFrom = Yesterday0800China, ReplayLength = TimeSpan.FromHours(hours), ReplaySpeed = speed };

        var refused = Assert.Throws<ArgumentException>(() => new ReplayClock(new FakeTimeProvider(RealStart), settings));

        Assert.Contains("ReplayFrom + ReplayLength in the past", refused.Message);
    }
}
