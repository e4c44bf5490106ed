using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Supervision.Contracts;
using Supervision.Contracts.Platforms;
using Supervision.Grains.Delivery;

namespace Supervision.Tests.Delivery;

/// <summary>The outbound HttpClient as the silo builds it, without a cluster: breaker per platform, back-off bounds.</summary>
public sealed class PlatformClientTests
{
    [Fact]
    public async Task A_failing_platform_opens_its_own_breaker_and_leaves_other_platforms_reachable()
    {
        await using var failing = await FakeLearningPlatform.StartAsync();
        await using var healthy = await FakeLearningPlatform.StartAsync();
        failing.Behaviour = FakeLearningPlatform.Mode.Http500;
        await using var services = Services(new()
        {
            ["Supervision:Delivery:CallRetries"] = "1",
            ["Supervision:Delivery:CallRetryDelay"] = "00:00:00.001",
            ["Supervision:Delivery:BreakerMinimumCalls"] = "4",
            ["Supervision:Delivery:BreakerFailureRatio"] = "0.5",
            ["Supervision:Delivery:BreakDuration"] = "00:01:00",
        });
        var client = services.GetRequiredService<LearningPlatformClient>();

        var reasons = new List<string>();
        for (var call = 0; call < 6; call++)
        {
            var failure = await Assert.ThrowsAsync<DeliveryFailure>(() => client.PostAsync(Endpoint(failing), "/api/v1/thirdCoursePull", Page(), CancellationToken.None));
            reasons.Add(failure.Message);
        }

        Assert.Contains(reasons, r => r.Contains("HTTP 500"));
        Assert.Contains("circuit open", reasons[^1]);
        var callsWhileOpen = failing.Received.Count;
        await Assert.ThrowsAsync<DeliveryFailure>(() => client.PostAsync(Endpoint(failing), "/api/v1/thirdCoursePull", Page(), CancellationToken.None));
        Assert.Equal(callsWhileOpen, failing.Received.Count);

        using var answer = await client.PostAsync(Endpoint(healthy), "/api/v1/thirdCoursePull", Page(), CancellationToken.None);
        Assert.Equal("0", answer.RootElement.GetProperty("returnCode").GetString());
    }

    [Fact]
    public async Task No_token_is_sent_when_none_is_recorded()
    {
        await using var platform = await FakeLearningPlatform.StartAsync();
        await using var services = Services([]);

        using var _ = await services.GetRequiredService<LearningPlatformClient>().PostAsync(
            new PlatformEndpoint(PlatformRole.Learning, platform.BaseUrl, null), "/api/v1/thirdCoursePull", Page(), CancellationToken.None);

        var headers = Assert.Single(platform.Received).Body["headers"]!.AsObject();
        Assert.False(headers.ContainsKey("userToken"));
        Assert.Equal("TYPE_PC", (string?)headers["deviceType"]);
    }

    [Fact]
    public async Task A_base_address_ending_in_api_is_not_given_a_second_one()
    {
        await using var platform = await FakeLearningPlatform.StartAsync();
        await using var services = Services([]);

        using var _ = await services.GetRequiredService<LearningPlatformClient>().PostAsync(
            new PlatformEndpoint(PlatformRole.Learning, platform.BaseUrl + "/api/", null), "/api/v1/thirdCoursePull", Page(), CancellationToken.None);

        Assert.Equal("/api/v1/thirdCoursePull", Assert.Single(platform.Received).Path);
    }

    [Theory]
    [InlineData(1, 8, 12)]
    [InlineData(2, 16, 24)]
    [InlineData(3, 32, 48)]
    [InlineData(10, 48, 72)]
    public void Back_off_doubles_with_jitter_up_to_its_ceiling(int failedAttempts, int minSeconds, int maxSeconds)
    {
        var options = new DeliveryOptions { FirstRetryDelay = TimeSpan.FromSeconds(10), MaxRetryDelay = TimeSpan.FromMinutes(1) };
        var random = new Random(7);
        var delays = Enumerable.Range(0, 200).Select(_ => RetrySchedule.After(failedAttempts, options, random)).ToList();
        Assert.All(delays, d => Assert.InRange(d.TotalSeconds, minSeconds, maxSeconds));
        Assert.True(delays.Distinct().Count() > 100, "jitter spreads retries");
    }

    private static PlatformEndpoint Endpoint(FakeLearningPlatform platform) => new(PlatformRole.Learning, platform.BaseUrl, "t");

    private static JsonObject Page() => new() { ["pageNo"] = 1, ["pageSize"] = 10 };

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        settings["SUPERVISION_FETCH_ALLOW"] = "127.0.0.1";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddKeyedSingleton(ClockKey.Name, TimeProvider.System);
        services.AddSingleton(_ => NpgsqlDataSource.Create("Host=127.0.0.1"));
        services.AddPlatformDelivery(configuration);
        return services.BuildServiceProvider();
    }
}
