using Supervision.Contracts;
using Supervision.Contracts.Delivery;
using Supervision.WebFront.Envelope;

namespace Supervision.WebFront.Apis;

/// <summary>
/// The operator's view of calls to learning platforms (1.12 push, 1.14 pull): list, retry a dead one, pull now; and of the
/// messages between grains that keep failing.
/// </summary>
public static class DeliveryApi
{
    public static void MapDeliveryApi(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/admin").AddEndpointFilter<EnvelopeRejectionFilter>().AddEndpointFilter<StoredRouteKeys>();

        admin.MapGet("/deliveries", async (string? status, string? limit, IClusterClient grains) =>
            DeliveryStatus.IsFilter(status)
                ? EnvelopeAnswer.Success(await grains.GetGrain<IDeliveryGrain>(0).List(status, Math.Clamp(QueryValue.Integer(limit, "limit") ?? 500, 1, 5_000)))
                : new EnvelopeAnswer(ReturnCode.InvalidField, "status: must be pending, retrying, delivered, dead or failed")).ForViewers();

        admin.MapGet("/grain-messages", async (string? status, string? offset, string? limit, IClusterClient grains) =>
        {
            if (status is not (null or DeliveryStatus.Failed or DeliveryStatus.Retrying or DeliveryStatus.Dead))
                return new EnvelopeAnswer(ReturnCode.InvalidField, "status: must be failed, retrying or dead");
            var page = await grains.GetGrain<IDeliveryGrain>(0).FailingMessages(status ?? DeliveryStatus.Failed,
                Math.Max(QueryValue.Integer(offset, "offset") ?? 0, 0), Math.Clamp(QueryValue.Integer(limit, "limit") ?? 50, 1, 200));
            return EnvelopeAnswer.Success(new { page.Total, rows = page.Rows.Select(GrainMessageAnswer.From).ToList() });
        }).ForViewers();

        admin.MapPost("/deliveries/{id:long}/retry", async (long id, HttpContext context, IClusterClient grains) =>
            EnvelopeAnswer.From(await grains.GetGrain<IDeliveryGrain>(0).Retry(id, OperatorName.Of(context)), view => view)).ForAdministrators();

        admin.MapPost("/platforms/{code}/pull", async (string code, HttpContext context, IClusterClient grains) =>
            EnvelopeAnswer.From(await grains.GetGrain<IDeliveryGrain>(0).RequestPull(code, OperatorName.Of(context)), view => view)).ForAdministrators();
    }
}
