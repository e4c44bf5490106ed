using System.Collections.Concurrent;
using System.Diagnostics;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Front;

/// <summary>
/// With an OTLP endpoint configured, a request's trace continues from the front into the grains it calls, so a
/// collector shows one trace per request across processes. A system of its own: the setting changes start-up.
/// </summary>
public sealed class TracingTests : IAsyncLifetime
{
    private const string Collector = "http://127.0.0.1:9";

    private readonly SupervisionCluster system = new()
    {
        Silos = 1,
        FrontSettings = new() { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Collector },
        SiloSettings = new() { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Collector },
    };

    public Task InitializeAsync() => system.InitializeAsync();

    public Task DisposeAsync() => system.DisposeAsync();

    [Fact]
    public async Task A_login_request_is_traced_into_the_grain_that_checks_the_password()
    {
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var trace = ActivityTraceId.CreateRandom();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/thlogin")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { headers = new { }, data = new { studyPlatformAcount = "nobody", passWord = "whatever" } }),
        };
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        using var response = await system.Http.SendAsync(request);

        Assert.Contains(spans, s => s.TraceId == trace && s.Kind == ActivityKind.Server && s.DisplayName.Contains("PlatformDirectory", StringComparison.Ordinal));
    }
}
