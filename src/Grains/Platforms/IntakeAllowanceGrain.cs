using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Supervision.Contracts;
using Supervision.Contracts.Platforms;
using Supervision.Grains.Classes;

namespace Supervision.Grains.Platforms;

/// <summary>
/// One activation per business platform holds its <see cref="IntakeBucket"/>. The bucket is kept in memory only: a
/// new activation (after a silo failure or a long idle spell) starts full, which grants at most one extra minute's
/// worth, while storing it would add a database write to every intake request.
/// </summary>
public sealed class IntakeAllowanceGrain(IOptions<IntakeOptions> options, [FromKeyedServices(ClockKey.Name)] TimeProvider time)
    : Grain, IIntakeAllowanceGrain
{
    private IntakeBucket? bucket;

    public Task<Outcome> Admit(string field, int people)
    {
        var limits = options.Value;
        if (people > limits.MaxPeoplePerRequest)
        {
            return Task.FromResult(Outcome.Fail(ReturnCode.InvalidField,
                $"{field}: {Count(people)} people in one request; at most {Count(limits.MaxPeoplePerRequest)} (send the rest in further requests)"));
        }

        var now = time.GetUtcNow();
        bucket ??= new IntakeBucket(limits.PeoplePerMinutePerPlatform, now);
        if (!bucket.TryTake(people, now))
        {
            var wait = Math.Ceiling(bucket.WaitFor(people, now).TotalSeconds);
            return Task.FromResult(Outcome.Fail(ReturnCode.TooManyRequests,
                $"{field}: this platform may register at most {Count(limits.PeoplePerMinutePerPlatform)} people a minute; "
                + $"{Count(bucket.Available(now))} can be registered now, {Count(people)} in {wait} s"));
        }

        return Task.FromResult(Outcome.Ok);
    }

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
