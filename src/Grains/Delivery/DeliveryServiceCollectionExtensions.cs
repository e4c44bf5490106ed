using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Supervision.Envelope;
using Supervision.Grains.Fetching;

namespace Supervision.Grains.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>
    /// The outbox, its dispatcher and the "learning-platforms" HttpClient: FetchPolicy (SUPERVISION_FETCH_ALLOW)
    /// at connect time, then Polly's standard pipeline with one breaker per platform (per host and port).
    /// </summary>
    public static IServiceCollection AddPlatformDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        CoursePackageParser.Prepare();
        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection(DeliveryOptions.Section));
        services.TryAddSingleton(new FetchPolicy(configuration["SUPERVISION_FETCH_ALLOW"]));
        services.AddSingleton<DeliveryOutbox>();
        services.AddSingleton<FailingGrainMessages>();
        services.AddSingleton<LearningPlatformClient>();
        services.AddSingleton<ClassPushDelivery>();
        services.AddSingleton<CataloguePullDelivery>();
        services.AddSingleton<GrainMessages>();
        services.AddSingleton<PullSchedule>();
        services.AddSingleton<DeliveryBacklog>();
        services.AddSingleton<DeliveryMetrics>();
        services.AddSingleton<DeliveryDispatcher>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<DeliveryDispatcher>());

        services.AddHttpClient(LearningPlatformClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<FetchPolicy>().CreateHandler(sp.GetRequiredService<IOptions<DeliveryOptions>>().Value.ConnectTimeout))
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions resilience, IServiceProvider sp) =>
            {
                var delivery = sp.GetRequiredService<IOptions<DeliveryOptions>>().Value;
                resilience.AttemptTimeout.Timeout = delivery.AttemptTimeout;
                resilience.TotalRequestTimeout.Timeout = delivery.CallTimeout;
                resilience.Retry.MaxRetryAttempts = delivery.CallRetries;
                resilience.Retry.Delay = delivery.CallRetryDelay;
                resilience.Retry.UseJitter = true;
                resilience.Retry.BackoffType = Polly.DelayBackoffType.Exponential;
                resilience.CircuitBreaker.FailureRatio = delivery.BreakerFailureRatio;
                resilience.CircuitBreaker.MinimumThroughput = delivery.BreakerMinimumCalls;
                resilience.CircuitBreaker.SamplingDuration = delivery.BreakerSamplingDuration;
                resilience.CircuitBreaker.BreakDuration = delivery.BreakDuration;
            })
            .SelectPipelineByAuthority();
        return services;
    }
}
