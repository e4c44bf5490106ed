namespace Supervision.Grains.Delivery;

/// <summary>A failed attempt whose reason is kept on the delivery row: an HTTP error, a non-"0" returnCode, an unreadable answer.</summary>
public sealed class DeliveryFailure(string reason, Exception? inner = null) : Exception(reason, inner);
