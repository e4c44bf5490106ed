using Microsoft.AspNetCore.Builder;
using Supervision.Silo;

// Read before the host exists, because it decides which kind of host this silo is.
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
var dashboard = DashboardSettings.From(configuration);
IHostApplicationBuilder builder = dashboard is null ? Host.CreateApplicationBuilder(args) : SiloDashboard.CreateBuilder(args, dashboard);
await SiloHosting.MigrateAsync(builder.Configuration);
builder.AddSupervisionSilo(dashboard is not null);

using IHost host = builder switch
{
    WebApplicationBuilder web => SiloDashboard.Build(web),
    HostApplicationBuilder plain => plain.Build(),
    _ => throw new InvalidOperationException("unknown host builder"),
};
await host.RunAsync();
