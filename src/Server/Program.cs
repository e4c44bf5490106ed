using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using Supervision.Server;
using Supervision.Silo;
using Supervision.WebFront;

if (OperatorCommand.Is(args))
{
    var environment = new ConfigurationBuilder().AddEnvironmentVariables().Build();
    return await OperatorCommand.RunAsync(args, environment, Console.IsInputRedirected ? Console.In : null);
}

var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
var dashboard = DashboardSettings.From(configuration);
try
{
    await SiloHosting.MigrateAsync(configuration);
    var app = FrontApplication.Create(args, hostCluster: builder => builder.AddSupervisionSilo(dashboard is not null));
    if (dashboard is not null)
    {
        // The dashboard has no login: it answers on its own loopback address only, never on the front's. Naming
        // one more address replaces the configured ones, so the front's are named again.
        foreach (var url in FrontApplication.Urls(app.Configuration).Append(dashboard.Url))
        {
            app.Urls.Add(url);
        }

        // The front answers any Host (platforms call it by their own names); the dashboard only its own (DashboardSettings).
        app.MapOrleansDashboard("/dashboard").AddEndpointFilter(async (context, next) =>
            context.HttpContext.Connection.LocalPort != dashboard.Port ? Results.NotFound()
            : !dashboard.Admits(context.HttpContext.Request.Host) ? Results.BadRequest()
            : await next(context));
    }

    await app.RunAsync();
}
catch (OptionsValidationException refused)
{
    await Console.Error.WriteLineAsync($"server: not started: {string.Join(" ", refused.Failures)}");
    return 2;
}

return 0;
