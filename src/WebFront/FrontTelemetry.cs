using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Supervision.WebFront;

/// <summary>
/// Metrics and traces of a front: ASP.NET Core's, the Orleans client's and the runtime's, scraped at
/// GET /metrics (Prometheus text format); OTLP export as well when OTEL_EXPORTER_OTLP_ENDPOINT is set.
/// Traces are recorded only then: with nowhere to send them, every request would still pay for its spans.
/// </summary>
public static class FrontTelemetry
{
    public static bool ExportsTraces(IConfiguration configuration) => !string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    public static void AddFrontTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = ExportsTraces(configuration);
        var telemetry = services.AddOpenTelemetry()
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddMeter("Microsoft.Orleans").AddPrometheusExporter();
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        if (otlp)
        {
            // The Orleans client carries each request's trace into the silos (AddActivityPropagation in FrontApplication).
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application")
                .AddOtlpExporter());
        }
    }
}
