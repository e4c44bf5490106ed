namespace Supervision.Grains.Delivery;

/// <summary>
/// How calls to learning platforms are made and retried (configuration section "Supervision:Delivery").
/// Durable back-off (<see cref="FirstRetryDelay"/> … <see cref="MaxRetryDelay"/>) and leases run on the
/// supervision clock; the in-call retries, timeouts and breaker run on real time inside one attempt.
/// </summary>
public sealed class DeliveryOptions
{
    public const string Section = "Supervision:Delivery";

    /// <summary>How often each silo looks for due deliveries (real time); a local enqueue wakes it at once.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public int BatchSize { get; set; } = 16;

    /// <summary>How long a claimed delivery belongs to its silo; a silo that dies mid-call loses it after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Failed attempts before a delivery is dead and waits for an operator.</summary>
    public int AttemptLimit { get; set; } = 15;

    /// <summary>Wait after the first failed attempt; doubled after each further one, up to <see cref="MaxRetryDelay"/>, ±20 % jitter.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Timeout of one HTTP request.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Timeout of one call including its quick in-call retries.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Quick retries inside one attempt (transient HTTP failures only), exponential with jitter from <see cref="CallRetryDelay"/>.</summary>
    public int CallRetries { get; set; } = 2;

    public TimeSpan CallRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Per platform: the breaker opens when this share of at least <see cref="BreakerMinimumCalls"/> calls in <see cref="BreakerSamplingDuration"/> failed.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    public int BreakerMinimumCalls { get; set; } = 10;

    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest answer read from a platform; a catalogue page larger than this is a failed attempt.</summary>
    public int MaxAnswerBytes { get; set; } = 16 * 1024 * 1024;

    public int PullPageSize { get; set; } = 100;

    /// <summary>A catalogue claiming more pages than this is refused rather than pulled forever.</summary>
    public int PullMaxPages { get; set; } = 1_000;

    /// <summary>Every learning platform's catalogue is pulled once per interval (supervision clock); unset: only on demand.</summary>
    public TimeSpan? PullInterval { get; set; }
}
