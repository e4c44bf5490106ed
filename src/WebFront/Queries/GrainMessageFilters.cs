using System.ComponentModel;
using Supervision.Contracts.Delivery;
using Supervision.WebFront.Declarations;

namespace Supervision.WebFront.Queries;

/// <summary>GET /admin/grain-messages: which failing messages between grains, a page at a time.</summary>
public sealed record GrainMessageFilters(
    [property: QueryChoice(DeliveryStatus.Failed, DeliveryStatus.Retrying, DeliveryStatus.Dead, Fallback = DeliveryStatus.Failed),
        Description("failed is retrying and dead")] string Status,
    [property: QueryInteger(0, 0, int.MaxValue), Description("Skip this many rows")] int Offset,
    [property: QueryInteger(50, 1, 200), Description("At most this many rows")] int Limit)
    : IQueryDeclaration<GrainMessageFilters>;
