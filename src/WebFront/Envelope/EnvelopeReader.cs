using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.Net.Http.Headers;
using Supervision.Contracts;

namespace Supervision.WebFront.Envelope;

/// <summary>Reads a request body, bounded in size, into the envelope's headers and data.</summary>
public sealed class EnvelopeReader(FrontOptions options)
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32 };

    /// <summary>
    /// The envelope of a request: the body is read into a buffer lent by the shared pool and parsed in place (the hot
    /// path copies it once, into memory it does not allocate); dispose the answer once its data is read.
    /// </summary>
    public async ValueTask<EnvelopeBody> ReadAsync(HttpRequest request)
    {
        var (lent, length) = await ReadBodyAsync(request);
        JsonDocument document;
        try
        {
            document = Parse(lent.AsMemory(0, length), "body: must be a JSON object with \"headers\" and \"data\"");
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(lent);
            throw;
        }

        try
        {
            var root = document.RootElement;
            var headers = ReadHeaders(root);
            if (!root.TryGetProperty("data", out var data) || data.ValueKind == JsonValueKind.Null)
            {
                throw new EnvelopeRejection(ReturnCode.MissingField, "data: is required");
            }

            return new EnvelopeBody(headers, document, data, lent);
        }
        catch
        {
            document.Dispose();
            ArrayPool<byte>.Shared.Return(lent);
            throw;
        }
    }

    /// <summary>A bounded JSON object body: an operator request. The document owns a copy of the body.</summary>
    public async Task<JsonDocument> ReadObjectAsync(HttpRequest request, string shape = "body: must be a JSON object")
    {
        var (lent, length) = await ReadBodyAsync(request);
        try
        {
            return Parse(lent.AsSpan(0, length).ToArray(), shape);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(lent);
        }
    }

    /// <summary>The body, checked for its origin, type and size, in a buffer lent by the shared pool: its first LENGTH bytes.</summary>
    private async ValueTask<(byte[] Lent, int Length)> ReadBodyAsync(HttpRequest request)
    {
        CheckSameSite(request);
        CheckContentType(request);
        if (request.ContentLength > options.MaxBodyBytes)
        {
            throw TooLarge();
        }

        return await ReadBoundedAsync(request.BodyReader, request.HttpContext.RequestAborted);
    }

    private static JsonDocument Parse(ReadOnlyMemory<byte> body, string shape)
    {
        // The parser checks UTF-8 only when a string is read; refuse bad bytes here, before any field is.
        if (!System.Text.Unicode.Utf8.IsValid(body.Span))
        {
            throw new EnvelopeRejection(ReturnCode.MalformedEnvelope, "body: not valid UTF-8");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new EnvelopeRejection(ReturnCode.MalformedEnvelope, $"body: not valid JSON ({e.Message.Split('.')[0]})");
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new EnvelopeRejection(ReturnCode.MalformedEnvelope, shape);
        }

        return document;
    }

    private static EnvelopeHeaders ReadHeaders(JsonElement root)
    {
        if (!root.TryGetProperty("headers", out var headers) || headers.ValueKind == JsonValueKind.Null)
        {
            return EnvelopeHeaders.None;
        }

        if (headers.ValueKind != JsonValueKind.Object)
        {
            throw new EnvelopeRejection(ReturnCode.MalformedEnvelope, "headers: must be a JSON object");
        }

        var fields = new EnvelopeData(headers, "headers");
        return new EnvelopeHeaders(
            fields.OptionalText("deviceType", 32),
            fields.OptionalText("timestamp", 20),
            fields.OptionalText("deviceId", 128),
            fields.OptionalText("userToken", 1024, "user_token"));
    }

    private async ValueTask<(byte[] Lent, int Length)> ReadBoundedAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            if (result.Buffer.Length > options.MaxBodyBytes)
            {
                reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
                throw TooLarge();
            }

            if (result.IsCompleted)
            {
                var length = (int)result.Buffer.Length;
                var lent = ArrayPool<byte>.Shared.Rent(length);
                result.Buffer.CopyTo(lent);
                reader.AdvanceTo(result.Buffer.End);
                return (lent, length);
            }

            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    /// <summary>
    /// A web page may make its visitors' browsers POST a text/plain body anywhere without asking first, so a page on any
    /// site could log in with wrong passwords (locking a platform out) or send reports in a visitor's name. Platforms call
    /// from their servers, which send neither Sec-Fetch-Site nor Origin; the console calls from this front's own origin.
    /// </summary>
    private static void CheckSameSite(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        var origin = request.Headers.Origin.ToString();
        var foreignOrigin = origin.Length > 0
            && !(Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
        if (site is "cross-site" or "same-site" || (site.Length == 0 && foreignOrigin))
        {
            throw new EnvelopeRejection(ReturnCode.CrossSiteRequest, "Origin: a browser on another site may not call this interface; call it from your platform's server");
        }
    }

    private void CheckContentType(HttpRequest request)
    {
        if (string.IsNullOrEmpty(request.ContentType))
        {
            return;
        }

        // Real clients send JSON under text/plain too; form and multipart bodies are certainly not envelopes.
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !(type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                 || type.MediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase)
                 || type.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase)
                 || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)))
        {
            throw new EnvelopeRejection(ReturnCode.UnsupportedContentType, $"Content-Type: {request.ContentType} is not JSON; send application/json");
        }
    }

    private EnvelopeRejection TooLarge() =>
        new(ReturnCode.BodyTooLarge, $"body: larger than {options.MaxBodyBytes} bytes");
}
