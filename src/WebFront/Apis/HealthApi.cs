using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Supervision.Contracts;
using Supervision.WebFront.OpenApi;

namespace Supervision.WebFront.Apis;

/// <summary>
/// GET /health: 200 only when this front, a silo and the database all answer (with which one did not).
/// /health/live: the process answers. /health/ready: the cluster and database are reachable.
/// </summary>
public static class HealthApi
{
    public static void MapHealthApi(this IEndpointRouteBuilder routes)
    {
        // The server's clock is public anyway (the Date header); a demo replaying a day (ReplayClock) follows it from here.
        routes.MapGet("/health", async (ClusterHealthCheck check, [FromKeyedServices(ClockKey.Name)] TimeProvider clock) =>
        {
            var result = await check.CheckHealthAsync(new HealthCheckContext());
            var healthy = result.Status == HealthStatus.Healthy;
            return Results.Json(
                new { status = healthy ? "ok" : "degraded", front = "ok", cluster = result.Description, now = clock.GetUtcNow() },
                statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        })
            .WithTags(ApiSections.HealthTag)
            .WithSummary("Health of the front, a silo and the database")
            .WithDescription("200 only when all three answer; 503 says which did not. `/health/live` and `/health/ready` answer for probes.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Produces(StatusCodes.Status503ServiceUnavailable, contentType: "application/json");
        routes.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        routes.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
    }
}
