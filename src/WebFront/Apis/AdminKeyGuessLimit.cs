using System.Threading.RateLimiting;

namespace Supervision.WebFront.Apis;

/// <summary>
/// How many wrong operator credentials — shared keys, and passwords at the login — one address may present (ASP.NET
/// Core's token-bucket limiter, one bucket per address, refilled evenly over the minute). Only wrong ones spend from the
/// bucket, so an operator's console is never slowed; once it holds less than one whole guess the address is refused
/// before its credentials are compared, the right ones included, so that guessing cannot go on.
/// </summary>
public sealed class AdminKeyGuessLimit(FrontOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> wrongKeys = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetTokenBucketLimiter(address, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.WrongAdminKeysPerMinutePerAddress,
            TokensPerPeriod = options.WrongAdminKeysPerMinutePerAddress,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public bool MayTry(string address)
    {
        // Not a zero-permit acquire: the bucket refills in fractions, and a zero-permit acquire succeeds on any
        // fraction above nothing, which let a guesser go on for ever. The statistics count whole permits only.
        return wrongKeys.GetStatistics(address) is not { CurrentAvailablePermits: < 1 };
    }

    public void CountWrongKey(string address) => wrongKeys.AttemptAcquire(address).Dispose();

    public void Dispose() => wrongKeys.Dispose();
}
