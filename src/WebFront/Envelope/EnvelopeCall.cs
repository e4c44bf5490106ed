using System.Text.Json;
using Supervision.Contracts.Platforms;

namespace Supervision.WebFront.Envelope;

/// <summary>One parsed, authenticated envelope request, as an endpoint handler sees it.</summary>
public sealed class EnvelopeCall(EnvelopeHeaders headers, JsonElement data, PlatformIdentity? caller, HttpContext context)
{
    public EnvelopeHeaders Headers { get; } = headers;

    /// <summary>The platform the token was issued to; null only on the login endpoint.</summary>
    public PlatformIdentity Caller => caller ?? throw new InvalidOperationException("This endpoint takes no token.");

    public IClusterClient Grains { get; } = context.RequestServices.GetRequiredService<IClusterClient>();

    public IServiceProvider Services => context.RequestServices;

    public HttpRequest Request => context.Request;

    public CancellationToken Aborted => context.RequestAborted;

    /// <summary>The caller's address as the per-address limits count it.</summary>
    public string SourceAddress => WebFront.SourceAddress.Of(context);

    public EnvelopeData Data => new(data, "data");

    public Supervision.Contracts.Study.DeviceInfo Device => new(Headers.DeviceType, Headers.DeviceId, Headers.Timestamp);

    public IReadOnlyList<EnvelopeData> DataArray(int maxCount) => EnvelopeData.Elements(data, "data", maxCount);
}
