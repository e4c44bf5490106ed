using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Supervision.Contracts;
using Supervision.Contracts.Platforms;

namespace Supervision.Grains.Delivery;

/// <summary>
/// Posts one envelope to a learning platform through the "learning-platforms" HttpClient (FetchPolicy at
/// connect time; Polly's in-call retries, timeouts and per-platform breaker) and answers the parsed answer
/// once its returnCode is "0". Anything else is a <see cref="DeliveryFailure"/> that says why.
/// </summary>
public sealed class LearningPlatformClient(
    IHttpClientFactory clients,
    IOptions<DeliveryOptions> options,
    [FromKeyedServices(ClockKey.Name)] TimeProvider time)
{
    public const string HttpClientName = "learning-platforms";

    public async Task<JsonDocument> PostAsync(PlatformEndpoint platform, string path, JsonNode data, CancellationToken cancellationToken)
    {
        var target = Target(platform, path);
        var headers = new JsonObject
        {
            ["deviceType"] = "TYPE_PC",
            ["timestamp"] = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["deviceId"] = "supervision",
        };
        if (!string.IsNullOrEmpty(platform.OutboundToken))
        {
            headers["userToken"] = platform.OutboundToken;
        }

        var body = new JsonObject { ["headers"] = headers, ["data"] = data }.ToJsonString();
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        var client = clients.CreateClient(HttpClientName);
        try
        {
            using var response = await client.PostAsync(target, content, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new DeliveryFailure($"HTTP {(int)response.StatusCode} from {target.Authority}");
            }

            var answer = await ReadAnswerAsync(response, cancellationToken);
            CheckReturnCode(answer.RootElement);
            return answer;
        }
        catch (BrokenCircuitException)
        {
            throw new DeliveryFailure($"circuit open: {target.Authority} failed repeatedly; not called");
        }
        catch (TimeoutRejectedException)
        {
            throw new DeliveryFailure($"timed out calling {target.Authority}");
        }
        catch (HttpRequestException e)
        {
            throw new DeliveryFailure($"could not reach {target.Authority}: {e.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DeliveryFailure($"timed out calling {target.Authority}");
        }
    }

    private static Uri Target(PlatformEndpoint platform, string path)
    {
        if (string.IsNullOrWhiteSpace(platform.ApiBaseUrl))
        {
            throw new DeliveryFailure("the platform has no apiBaseUrl");
        }

        // The seed calls http://domain/api/v1/…; a base registered as http://domain/api already holds the "/api".
        var root = platform.ApiBaseUrl.Trim().TrimEnd('/');
        var relative = root.EndsWith("/api", StringComparison.OrdinalIgnoreCase) && path.StartsWith("/api/", StringComparison.Ordinal) ? path[4..] : path;
        return Uri.TryCreate(root + relative, UriKind.Absolute, out var uri) && Fetching.FetchPolicy.IsAllowedScheme(uri)
            ? uri
            : throw new DeliveryFailure("the platform's apiBaseUrl is not an absolute http or https URL");
    }

    private async Task<JsonDocument> ReadAnswerAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxAnswerBytes;
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new DeliveryFailure($"answer larger than {limit} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return JsonDocument.Parse(buffer.ToArray());
        }
        catch (JsonException)
        {
            throw new DeliveryFailure("answer is not JSON");
        }
    }

    private static void CheckReturnCode(JsonElement answer)
    {
        if (answer.ValueKind != JsonValueKind.Object || !answer.TryGetProperty("returnCode", out var code))
        {
            throw new DeliveryFailure("answer has no returnCode");
        }

        var text = code.ValueKind switch
        {
            JsonValueKind.String => code.GetString(),
            JsonValueKind.Number => code.GetRawText(),
            _ => null,
        };
        if (text != "0")
        {
            var message = answer.TryGetProperty("returnMsg", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            throw new DeliveryFailure($"returnCode {Shorten(text ?? code.GetRawText())}: {PersonalData.Masked(Shorten(message ?? ""))}");
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
