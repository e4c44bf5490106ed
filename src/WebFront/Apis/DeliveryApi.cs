using Supervision.Contracts;
using Supervision.Contracts.Delivery;
using Supervision.WebFront.Declarations;
using Supervision.WebFront.Envelope;
using Supervision.WebFront.Queries;

namespace Supervision.WebFront.Apis;

/// <summary>
/// The operator's view of calls to learning platforms (1.12 push, 1.14 pull): list, retry a dead one, pull now; and of the
/// messages between grains that keep failing.
/// </summary>
public static class DeliveryApi
{
    public static void MapDeliveryApi(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapOperatorGroup();

        admin.MapGet("/deliveries", async (DeliveryFilters filters, IClusterClient grains) =>
            EnvelopeAnswer.Success(await grains.GetGrain<IDeliveryGrain>(0).List(filters.Status, filters.Limit))).ForViewers()
            .WithSummary("Deliveries to learning platforms")
            .WithDescription("1.12 pushes and 1.14 pulls from the outbox, newest first: id, kind, platformCode, classCode, status, attempts, lastError, "
                + "nextAttemptAt.")
            .AnswersEnvelope();

        admin.MapGet("/grain-messages", async (GrainMessageFilters filters, IClusterClient grains) =>
        {
            var page = await grains.GetGrain<IDeliveryGrain>(0).FailingMessages(filters.Status, filters.Offset, filters.Limit);
            return EnvelopeAnswer.Success(new { page.Total, rows = page.Rows.Select(GrainMessageAnswer.From).ToList() });
        }).ForViewers()
            .WithSummary("Messages between grains that keep failing")
            .WithDescription("A passed check to its student-class (`pass`) or a reviewer's rejection (`rejection`) the dispatcher could not hand over "
                + "(docs/write-path.md), longest failing first: `{total, rows}`, each row id, kind, kindWords {zh, en}, classCode, "
                + "studentUserCode, subject (the check's bizCode or the photo's id), status, attempts, attemptLimit, lastError, errorWords "
                + "{zh, en}, createdAt, nextAttemptAt. A dead one is retried with POST /admin/deliveries/{id}/retry.")
            .AnswersEnvelope();

        admin.MapPost("/deliveries/{id:long}/retry", async (long id, HttpContext context, IClusterClient grains) =>
            EnvelopeAnswer.From(await grains.GetGrain<IDeliveryGrain>(0).Retry(id, OperatorName.Of(context)), view => view)).ForAdministrators()
            .WithSummary("Retry a dead delivery")
            .WithDescription("Gives a delivery that was given up a fresh budget of attempts, starting now (docs/delivery.md). Recorded as "
                + "`delivery_retry` evidence on its class with the signed-in account and the caller's address.")
            .AnswersEnvelope().Fails(ReturnCode.DeliveryNotFound, ReturnCode.Conflict, ReturnCode.InvalidField);

        admin.MapPost("/platforms/{code}/pull", async (string code, HttpContext context, IClusterClient grains) =>
            EnvelopeAnswer.From(await grains.GetGrain<IDeliveryGrain>(0).RequestPull(code, OperatorName.Of(context)), view => view)).ForAdministrators()
            .WithSummary("Pull a learning platform's catalogue now")
            .WithDescription("Queues a 1.14 pull of every page into the course store; the schedule pulls on its own as well. Recorded as "
                + "`catalogue_pull` evidence with the signed-in account and the caller's address.")
            .AnswersEnvelope().Fails(ReturnCode.PlatformNotFound, ReturnCode.Conflict);
    }
}
