using Supervision.Contracts;
using Supervision.Contracts.Charts;
using Supervision.WebFront.Envelope;

namespace Supervision.WebFront.Apis;

/// <summary>The overview page's charts: study a minute, credit a day, anomalies a day, from the ledger's aggregates.</summary>
public static class ChartsApi
{
    public static void MapChartsApi(this IEndpointRouteBuilder routes)
    {
        var charts = routes.MapGroup("/admin/charts").AddEndpointFilter<EnvelopeRejectionFilter>().AddEndpointFilter<StoredRouteKeys>();

        charts.MapGet("/activity", async (string? hours, IClusterClient grains) =>
        {
            var minutes = await grains.GetGrain<IActivityChartsGrain>(0).Minutes(Bounded(hours, "hours", 1, 24, 1));
            return EnvelopeAnswer.Success(minutes.Select(m => new { m.Minute, m.Learners, m.Reports, reportsPerSecond = Math.Round(m.Reports / 60.0, 2), m.Credited }));
        }).ForViewers();

        charts.MapGet("/credit", async (string? days, IClusterClient grains) =>
            EnvelopeAnswer.Success(await grains.GetGrain<IActivityChartsGrain>(0).Credit(Bounded(days, "days", 1, 31, 7)))).ForViewers();

        charts.MapGet("/anomalies", async (string? days, IClusterClient grains) =>
            EnvelopeAnswer.Success(await grains.GetGrain<IActivityChartsGrain>(0).Anomalies(Bounded(days, "days", 1, 31, 7)))).ForViewers();
    }

    private static int Bounded(string? text, string name, int min, int max, int fallback) =>
        QueryValue.Integer(text, name) is { } value
            ? value >= min && value <= max ? value : throw new EnvelopeRejection(ReturnCode.InvalidField, $"{name}: must be from {min} to {max}")
            : fallback;
}
