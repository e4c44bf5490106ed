using Supervision.Contracts;
using Supervision.Contracts.Evidence;
using Supervision.Contracts.Risk;
using Supervision.WebFront.Envelope;

namespace Supervision.WebFront.Apis;

/// <summary>
/// The regulator's questions: who is cheating (per learner), which classes and platforms are worst, on one China day; and
/// the two photos of a swap, the drill-down of a person's anomaly.
/// </summary>
public static class RiskApi
{
    public static void MapRiskApi(this IEndpointRouteBuilder routes)
    {
        var risk = routes.MapGroup("/admin/risk").AddEndpointFilter<EnvelopeRejectionFilter>().AddEndpointFilter<StoredRouteKeys>();

        risk.MapGet("/learners", async (string? day, string? classCode, string? platformCode, string? kind, string? offset, string? limit, IClusterClient grains) =>
            EnvelopeAnswer.Success(await grains.GetGrain<IRiskGrain>(0).Learners(Query(day, classCode, platformCode, kind, offset, limit)))).ForViewers();

        risk.MapGet("/classes", async (string? day, string? classCode, string? platformCode, string? kind, string? offset, string? limit, IClusterClient grains) =>
            EnvelopeAnswer.Success(await grains.GetGrain<IRiskGrain>(0).Classes(Query(day, classCode, platformCode, kind, offset, limit)))).ForViewers();

        risk.MapGet("/platforms", async (string? day, string? classCode, string? platformCode, string? kind, string? offset, string? limit, IClusterClient grains) =>
            EnvelopeAnswer.Success(await grains.GetGrain<IRiskGrain>(0).Platforms(Query(day, classCode, platformCode, kind, offset, limit)))).ForViewers();

        routes.MapGroup("/admin").AddEndpointFilter<EnvelopeRejectionFilter>().AddEndpointFilter<StoredRouteKeys>()
            .MapGet("/anomalies/{id:long}/photos/{side}", async (long id, string side, IClusterClient grains) =>
                PhotoAnswer.From(await grains.GetGrain<IPhotoSwapGrain>(0).Photo(id, Before(side)))).ForViewers();

        routes.MapGet("/admin/words", () => EnvelopeAnswer.Success(new { anomalies = KindNames.Anomalies, events = KindNames.Events })).ForViewers();
    }

    private static RiskQuery Query(string? day, string? classCode, string? platformCode, string? kind, string? offset, string? limit) => new(
        QueryValue.Day(day, "day"), Filter(classCode), Filter(platformCode), Kind(kind),
        Math.Max(QueryValue.Integer(offset, "offset") ?? 0, 0), Math.Clamp(QueryValue.Integer(limit, "limit") ?? 50, 1, RiskQuery.MaxLimit));

    private static bool Before(string side) => side switch
    {
        "before" => true,
        "after" => false,
        _ => throw new EnvelopeRejection(ReturnCode.InvalidField, "side: must be before or after"),
    };

    private static string? Filter(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? Kind(string? text) =>
        Filter(text) is not { } kind ? null
        : AnomalyKind.All.Contains(kind) ? kind
        : throw new EnvelopeRejection(ReturnCode.InvalidField, "kind: not an anomaly kind (see /admin/anomaly-kinds)");
}
