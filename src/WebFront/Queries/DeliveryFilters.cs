using System.ComponentModel;
using Supervision.Contracts.Delivery;
using Supervision.WebFront.Declarations;

namespace Supervision.WebFront.Queries;

/// <summary>GET /admin/deliveries: which calls to learning platforms, newest first.</summary>
public sealed record DeliveryFilters(
    [property: QueryChoice(DeliveryStatus.Pending, DeliveryStatus.Retrying, DeliveryStatus.Delivered, DeliveryStatus.Dead, DeliveryStatus.Failed),
        Description("Only these; failed is retrying and dead")] string? Status,
    [property: QueryInteger(500, 1, 5_000), Description("At most this many")] int Limit)
    : IQueryDeclaration<DeliveryFilters>;
