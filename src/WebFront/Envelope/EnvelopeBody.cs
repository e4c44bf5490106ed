using System.Buffers;
using System.Text.Json;

namespace Supervision.WebFront.Envelope;

/// <summary>
/// A request's envelope as parsed: its headers, and its data inside the document, which reads the body's bytes in place
/// from a buffer lent by the shared pool. Disposing it frees the document and gives the buffer back; the default value
/// holds nothing and disposes nothing.
/// </summary>
public readonly struct EnvelopeBody(EnvelopeHeaders headers, JsonDocument document, JsonElement data, byte[] lent) : IDisposable
{
    public EnvelopeHeaders Headers { get; } = headers;

    public JsonElement Data { get; } = data;

    public void Dispose()
    {
        if (document is null)
        {
            return;
        }

        document.Dispose();
        ArrayPool<byte>.Shared.Return(lent);
    }
}
