using Supervision.Contracts;

namespace Supervision.WebFront.Apis;

/// <summary>GET /health: 200 only when this front, a silo and the database all answer.</summary>
public static class HealthApi
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public static void MapHealthApi(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/health", async (IClusterClient grains) =>
        {
            string silo, database;
            try
            {
                var answers = await grains.GetGrain<IHealthGrain>(0).DatabaseAnswers().WaitAsync(Patience);
                (silo, database) = ("ok", answers ? "ok" : "unreachable");
            }
            catch (Exception e) when (e is TimeoutException or OrleansException or InvalidOperationException)
            {
                (silo, database) = ("unreachable", "unknown");
            }

            var healthy = silo == "ok" && database == "ok";
            return Results.Json(
                new { status = healthy ? "ok" : "degraded", front = "ok", silo, database },
                statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
}
