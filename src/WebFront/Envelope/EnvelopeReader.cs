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

    public async Task<(EnvelopeHeaders Headers, JsonDocument Document, JsonElement Data)> ReadAsync(HttpRequest request)
    {
        var document = await ReadObjectAsync(request, "body: must be a JSON object with \"headers\" and \"data\"");
        try
        {
            var root = document.RootElement;
            var headers = ReadHeaders(root);
            if (!root.TryGetProperty("data", out var data) || data.ValueKind == JsonValueKind.Null)
            {
                throw new EnvelopeRejection(ReturnCode.MissingField, "data: is required");
            }

            return (headers, document, data);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>A bounded JSON object body: the envelope, or an operator request.</summary>
    public async Task<JsonDocument> ReadObjectAsync(HttpRequest request, string shape = "body: must be a JSON object")
    {
        CheckSameSite(request);
        CheckContentType(request);
        if (request.ContentLength > options.MaxBodyBytes)
        {
            throw TooLarge();
        }

        var body = await ReadBoundedAsync(request.BodyReader, request.HttpContext.RequestAborted);

        // The parser checks UTF-8 only when a string is read; refuse bad bytes here, before any field is.
        if (!System.Text.Unicode.Utf8.IsValid(body))
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

    private async Task<byte[]> ReadBoundedAsync(PipeReader reader, CancellationToken cancellationToken)
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
                var copy = result.Buffer.ToArray();
                reader.AdvanceTo(result.Buffer.End);
                return copy;
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
