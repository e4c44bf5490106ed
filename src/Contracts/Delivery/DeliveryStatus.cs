namespace Supervision.Contracts.Delivery;

/// <summary>The states of an outbound call, as stored and as GET /admin/deliveries shows them.</summary>
public static class DeliveryStatus
{
    /// <summary>Not tried yet.</summary>
    public const string Pending = "pending";

    /// <summary>Failed at least once; tried again at its next attempt time.</summary>
    public const string Retrying = "retrying";

    public const string Delivered = "delivered";

    /// <summary>Failed its whole attempt budget; waits for an operator's retry.</summary>
    public const string Dead = "dead";

    /// <summary>A filter, not a state: retrying and dead.</summary>
    public const string Failed = "failed";

    public static bool IsFilter(string? status) => status is null or Pending or Retrying or Delivered or Dead or Failed;
}
