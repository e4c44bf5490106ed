namespace Supervision.Contracts.Delivery;

/// <summary>One outbound call (1.12 push or 1.14 pull) as the operator sees it.</summary>
[GenerateSerializer, Immutable]
public sealed record DeliveryView(
    [property: Id(0)] long Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] string PlatformCode,
    [property: Id(3)] string? ClassCode,
    [property: Id(4)] string Status,
    [property: Id(5)] int Attempts,
    [property: Id(6)] string? LastError,
    [property: Id(7)] DateTimeOffset NextAttemptAt,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] DateTimeOffset? DeliveredAt);
