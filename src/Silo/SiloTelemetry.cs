using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Supervision.Grains.Evidence;

namespace Supervision.Silo;

/// <summary>
/// Metrics and traces of a silo process: the project's own meter, Orleans', Npgsql's and the runtime's.
/// A Prometheus scrape endpoint when SUPERVISION_METRICS_PORT is set (several silos may share a host, so
/// none is opened by default), on SUPERVISION_METRICS_HOST: loopback unless set, since it has no login;
/// OTLP export when OTEL_EXPORTER_OTLP_ENDPOINT is set, and traces only then.
/// </summary>
public static class SiloTelemetry
{
    public static bool ExportsTraces(IConfiguration configuration) => !string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    public static void AddSiloTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var metricsPort = configuration["SUPERVISION_METRICS_PORT"];
        var otlp = ExportsTraces(configuration);
        var telemetry = services.AddOpenTelemetry()
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(SupervisionMetrics.MeterName, "Microsoft.Orleans", "Npgsql").AddRuntimeInstrumentation();

                // Npgsql names each pool by its connection string: the database's host, port, user and name would
                // reach an unauthenticated /metrics. Its instruments keep only the connection state.
                metrics.AddView(instrument => instrument.Meter.Name == "Npgsql"
                    ? new MetricStreamConfiguration { TagKeys = ["db.client.connection.state", "state"] }
                    : null);
                if (metricsPort is not null)
                {
                    metrics.AddPrometheusHttpListener(o =>
                    {
                        // HttpListener serves only requests whose Host header matches, so a scraper that names the
                        // silo by another name needs "+" (every address): docker-compose sets that inside its network.
                        o.Host = configuration["SUPERVISION_METRICS_HOST"] is { Length: > 0 } host ? host : "127.0.0.1";
                        o.Port = int.Parse(metricsPort);
                    });
                }

                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        if (otlp)
        {
            // Spans continue the front's trace through every grain call (AddActivityPropagation in SiloConfiguration) down to Npgsql.
            telemetry.WithTracing(tracing => tracing
                .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application")
                .AddNpgsql()
                .AddOtlpExporter());
        }
    }
}
