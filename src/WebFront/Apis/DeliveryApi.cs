using Supervision.Contracts;
using Supervision.Contracts.Delivery;
using Supervision.WebFront.Envelope;

namespace Supervision.WebFront.Apis;

/// <summary>The operator's view of calls to learning platforms (1.12 push, 1.14 pull): list, retry a dead one, pull now.</summary>
public static class DeliveryApi
{
    public static void MapDeliveryApi(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/admin").AddEndpointFilter<EnvelopeRejectionFilter>().AddEndpointFilter<StoredRouteKeys>();

        admin.MapGet("/deliveries", async (string? status, string? limit, IClusterClient grains) =>
            DeliveryStatus.IsFilter(status)
                ? EnvelopeAnswer.Success(await grains.GetGrain<IDeliveryGrain>(0).List(status, Math.Clamp(QueryValue.Integer(limit, "limit") ?? 500, 1, 5_000)))
                : new EnvelopeAnswer(ReturnCode.InvalidField, "status: must be pending, retrying, delivered, dead or failed")).ForViewers();

        admin.MapPost("/deliveries/{id:long}/retry", async (long id, HttpContext context, IClusterClient grains) =>
            EnvelopeAnswer.From(await grains.GetGrain<IDeliveryGrain>(0).Retry(id, OperatorName.Of(context)), view => view)).ForAdministrators();

        admin.MapPost("/platforms/{code}/pull", async (string code, HttpContext context, IClusterClient grains) =>
            EnvelopeAnswer.From(await grains.GetGrain<IDeliveryGrain>(0).RequestPull(code, OperatorName.Of(context)), view => view)).ForAdministrators();
    }
}
