using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Supervision.Contracts;
using Supervision.WebFront.Envelope;

namespace Supervision.WebFront;

/// <summary>
/// Per-address limits (ASP.NET Core's rate limiter): a tight one on login against password guessing, a
/// generous one elsewhere against floods. A refused request answers HTTP 429 with the envelope and 1107.
/// </summary>
public static class AbuseLimits
{
    private const string LoginPath = "/api/v1/thlogin";

    public static void Configure(RateLimiterOptions limiter, FrontOptions options)
    {
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var address = SourceAddress.Of(context);
            return context.Request.Path.StartsWithSegments(LoginPath)
                ? RateLimitPartition.GetTokenBucketLimiter("login:" + address, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.LoginsPerMinutePerAddress,
                    TokensPerPeriod = options.LoginsPerMinutePerAddress,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetTokenBucketLimiter("api:" + address, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.RequestsPerSecondPerAddress,
                    TokensPerPeriod = options.RequestsPerSecondPerAddress,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                });
        });
        limiter.OnRejected = (rejected, _) => new ValueTask(
            new EnvelopeAnswer(ReturnCode.TooManyRequests, "too many requests from this address; slow down", statusCode: StatusCodes.Status429TooManyRequests)
                .ExecuteAsync(rejected.HttpContext));
    }
}
