using Supervision.Grains.Platforms;

namespace Supervision.Tests.Rules;

public sealed class IntakeBucketTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_full_bucket_gives_its_capacity_at_once_then_refuses_whole_requests_it_cannot_fill()
    {
        var bucket = new IntakeBucket(1_000, Start);

        Assert.True(bucket.TryTake(600, Start));
        Assert.False(bucket.TryTake(401, Start));
        Assert.Equal(400, bucket.Available(Start));
        Assert.True(bucket.TryTake(400, Start));
        Assert.False(bucket.TryTake(1, Start));
    }

    [Fact]
    public void It_refills_at_its_capacity_a_minute_and_never_past_it()
    {
        var bucket = new IntakeBucket(1_000, Start);
        bucket.TryTake(1_000, Start);

        Assert.Equal(TimeSpan.FromSeconds(30), bucket.WaitFor(500, Start));
        Assert.Equal(500, bucket.Available(Start.AddSeconds(30)));
        Assert.Equal(1_000, bucket.Available(Start.AddHours(1)));
        Assert.False(bucket.TryTake(1_001, Start.AddHours(1)));
    }

    [Fact]
    public void A_clock_that_steps_back_takes_nothing_away()
    {
        var bucket = new IntakeBucket(1_000, Start);
        bucket.TryTake(500, Start);

        Assert.Equal(500, bucket.Available(Start.AddMinutes(-5)));
        Assert.Equal(1_000, bucket.Available(Start.AddSeconds(30)));
    }
}
