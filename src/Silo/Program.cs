using Microsoft.AspNetCore.Builder;
using Orleans.Configuration;
using Orleans.Dashboard;
using Supervision.ClusterSecurity;
using Supervision.Database;
using Supervision.Silo;

// Read before the host exists, because it decides which kind of host this silo is.
var dashboard = DashboardSettings.From(new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build());
IHostApplicationBuilder builder = dashboard is null ? Host.CreateApplicationBuilder(args) : SiloDashboard.CreateBuilder(args, dashboard);
var settings = SiloSettings.From(builder.Configuration);
var tls = ClusterTlsSettings.From(builder.Configuration);

await SchemaMigrator.MigrateWhenReachableAsync(settings.ConnectionString,
    e => Console.Error.WriteLine($"Database not reachable yet ({e.GetType().Name}: {e.Message}); retrying in 2 s"));

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
    if (dashboard is not null)
    {
        silo.AddDashboard();
    }
});

using IHost host = builder switch
{
    WebApplicationBuilder web => SiloDashboard.Build(web),
    HostApplicationBuilder plain => plain.Build(),
    _ => throw new InvalidOperationException("unknown host builder"),
};
await host.RunAsync();
