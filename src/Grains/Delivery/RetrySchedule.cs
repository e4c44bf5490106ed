namespace Supervision.Grains.Delivery;

/// <summary>
/// When a failed delivery is tried next: exponential back-off with ±20 % jitter, so deliveries that failed
/// together (a platform outage) do not all come back at the same instant.
/// </summary>
public static class RetrySchedule
{
    public static TimeSpan After(int failedAttempts, DeliveryOptions options, Random random)
    {
        var exponent = Math.Clamp(failedAttempts - 1, 0, 30);
        var delay = Math.Min(options.FirstRetryDelay.TotalMilliseconds * Math.Pow(2, exponent), options.MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(delay * (0.8 + 0.4 * random.NextDouble()));
    }
}
