using Orleans.Configuration;
using Supervision.Database;
using Supervision.Silo;

var builder = Host.CreateApplicationBuilder(args);
var settings = SiloSettings.From(builder.Configuration);

await SchemaMigrator.MigrateWhenReachableAsync(settings.ConnectionString,
    e => Console.Error.WriteLine($"Database not reachable yet ({e.GetType().Name}: {e.Message}); retrying in 2 s"));

builder.Services.AddSiloTelemetry(builder.Configuration);
builder.UseOrleans(silo => silo
    .AddSupervision(settings.ConnectionString, builder.Configuration)
    .Configure<ClusterOptions>(o =>
    {
        o.ClusterId = settings.ClusterId;
        o.ServiceId = SiloSettings.ServiceId;
    })
    .ConfigureEndpoints(settings.AdvertisedHost, settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: true));

await builder.Build().RunAsync();
