using Supervision.Contracts.Charts;
using Supervision.WebFront.Declarations;
using Supervision.WebFront.Envelope;
using Supervision.WebFront.Queries;

namespace Supervision.WebFront.Apis;

/// <summary>The overview page's charts: study a minute, credit a day, anomalies a day, from the ledger's aggregates.</summary>
public static class ChartsApi
{
    public static void MapChartsApi(this IEndpointRouteBuilder routes)
    {
        var charts = routes.MapOperatorGroup("/admin/charts");

        charts.MapGet("/activity", async (ActivityWindow window, IClusterClient grains) =>
        {
            var minutes = await grains.GetGrain<IActivityChartsGrain>(0).Minutes(window.Hours);
            return EnvelopeAnswer.Success(minutes.Select(m => new { m.Minute, m.Learners, m.Reports, reportsPerSecond = Math.Round(m.Reports / 60.0, 2), m.Credited }));
        }).ForViewers()
            .WithSummary("Study a minute")
            .WithDescription("Every minute with study over the last `hours`: learners whose first report of the minute it was, reports, reports a second, "
                + "credited seconds; from the ledger's aggregate (docs/console.md \"Charts\").")
            .AnswersEnvelope();

        charts.MapGet("/credit", async (DailyWindow window, IClusterClient grains) =>
            EnvelopeAnswer.Success(await grains.GetGrain<IActivityChartsGrain>(0).Credit(window.Days))).ForViewers()
            .WithSummary("Credit a day")
            .WithDescription("Seconds credited a China day per class (`classCode`, `className`) and learning platform over the last `days`, net of "
                + "credit a review voided that day.")
            .AnswersEnvelope();

        charts.MapGet("/anomalies", async (DailyWindow window, IClusterClient grains) =>
            EnvelopeAnswer.Success(await grains.GetGrain<IActivityChartsGrain>(0).Anomalies(window.Days))).ForViewers()
            .WithSummary("Anomalies a day").WithDescription("Anomalies raised a China day by kind over the last `days`.").AnswersEnvelope();
    }
}
