using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Supervision.WebFront;

/// <summary>
/// Metrics and traces of a front: ASP.NET Core's, the Orleans client's and the runtime's, scraped at
/// GET /metrics (Prometheus text format); OTLP export as well when OTEL_EXPORTER_OTLP_ENDPOINT is set.
/// </summary>
public static class FrontTelemetry
{
    public static void AddFrontTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = !string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        services.AddOpenTelemetry()
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddMeter("Microsoft.Orleans").AddPrometheusExporter();
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation().AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application");
                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }
            });
    }
}
