using Orleans.Configuration;
using Orleans.Dashboard;
using Supervision.ClusterSecurity;
using Supervision.Database;

namespace Supervision.Silo;

/// <summary>
/// A silo of this cluster on a host: the silo process's own, or the single-process server's, where the front's web
/// application hosts the silo too. Both run this code.
/// </summary>
public static class SiloHosting
{
    /// <summary>Brings the schema up to date, waiting for the database if it is not reachable yet: before any grain can read it.</summary>
    public static Task MigrateAsync(IConfiguration configuration) =>
        SchemaMigrator.MigrateWhenReachableAsync(SiloSettings.From(configuration).ConnectionString,
            e => Console.Error.WriteLine($"Database not reachable yet ({e.GetType().Name}: {e.Message}); retrying in 2 s"));

    public static void AddSupervisionSilo(this IHostApplicationBuilder builder, bool dashboard)
    {
        var settings = SiloSettings.From(builder.Configuration);
        var tls = ClusterTlsSettings.From(builder.Configuration);
        builder.Services.AddSiloTelemetry(builder.Configuration);
        builder.UseOrleans(silo =>
        {
            silo.AddSupervision(settings.ConnectionString, builder.Configuration)
                .Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = settings.ClusterId;
                    o.ServiceId = SiloSettings.ServiceId;
                })
                .ConfigureEndpoints(settings.Address, settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: false);
            if (tls is not null)
            {
                silo.UseClusterTls(tls);
            }

            // The dashboard asks every silo for its figures, so a cluster runs it on all its silos or on none.
            if (dashboard)
            {
                silo.AddDashboard();
            }
        });
    }
}
