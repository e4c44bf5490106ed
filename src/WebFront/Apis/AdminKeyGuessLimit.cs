using System.Threading.RateLimiting;

namespace Supervision.WebFront.Apis;

/// <summary>
/// How many wrong operator keys one address may present (ASP.NET Core's token-bucket limiter, one bucket per
/// address). Only wrong keys spend from the bucket, so an operator's console is never slowed; once it is empty the
/// address is refused before its key is compared, the right one included, so that guessing cannot go on.
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
        // Asking for no permit answers whether the bucket still holds one, without spending it.
        using var probe = wrongKeys.AttemptAcquire(address, 0);
        return probe.IsAcquired;
    }

    public void CountWrongKey(string address) => wrongKeys.AttemptAcquire(address).Dispose();

    public void Dispose() => wrongKeys.Dispose();
}
