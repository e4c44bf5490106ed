using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Dashboard;

namespace Supervision.Silo;

/// <summary>
/// The Orleans Dashboard is an ASP.NET Core app, so a silo that serves it is built as a web application
/// listening only on the dashboard's address; a silo without it stays a plain host with no HTTP port.
/// </summary>
public static class SiloDashboard
{
    public static WebApplicationBuilder CreateBuilder(string[] args, DashboardSettings dashboard)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.WebHost.UseUrls(dashboard.Url);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddHostFiltering(o =>
        {
            o.AllowedHosts = [.. dashboard.AllowedHosts];
            o.AllowEmptyHosts = false;
        });
        return builder;
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        app.UseHostFiltering();
        app.MapOrleansDashboard();
        return app;
    }
}
