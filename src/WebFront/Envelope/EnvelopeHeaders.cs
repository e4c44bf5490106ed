namespace Supervision.WebFront.Envelope;

/// <summary>The envelope's <c>headers</c> object: kept with the evidence of each request.</summary>
public sealed record EnvelopeHeaders(string? DeviceType, string? Timestamp, string? DeviceId, string? UserToken)
{
    public static readonly EnvelopeHeaders None = new(null, null, null, null);
}
