using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Supervision.FaceComparison;

/// <summary>
/// Adapter for Baidu face match v3. Baidu answers HTTP 200 even for errors, so every answer is judged by its
/// <c>error_code</c>. An access token is fetched lazily and shared; a rejected token is refreshed and the match retried once.
/// </summary>
public sealed class BaiduFaceComparer(HttpClient http, BaiduFaceOptions baidu, FaceComparisonOptions options) : IFaceComparer
{
    private const int TokenInvalid = 110;
    private const int TokenExpired = 111;
    private const int DailyLimit = 17;
    private const int QpsLimit = 18;
    private const int NoFace = 222202;
    private const int ImageCheckFailed = 222203;

    private readonly SemaphoreSlim _tokenLock = new(1, 1);
    private string? _token;

    public async Task<FaceComparison> CompareAsync(ReadOnlyMemory<byte> reference, ReadOnlyMemory<byte> probe, CancellationToken cancellationToken)
    {
        // Checked locally first so an oversized or broken image is refused with the same typed reason as the local comparer.
        ImageCheck.Decode(reference).Dispose();
        ImageCheck.Decode(probe).Dispose();

        var body = new JsonArray(
            Face(reference, baidu.ReferenceFaceType),
            Face(probe, baidu.ProbeFaceType));

        var token = await TokenAsync(null, cancellationToken);
        var answer = await MatchAsync(body, token, cancellationToken);
        if (answer.Code is TokenInvalid or TokenExpired)
        {
            token = await TokenAsync(token, cancellationToken);
            answer = await MatchAsync(body, token, cancellationToken);
        }

        return answer.Code switch
        {
            0 => Verdict(answer.Root),
            NoFace => new FaceComparison(true, false, null, FaceDecision.NoFaceInProbe, options.CloudPassScore),
            TokenInvalid or TokenExpired => throw Failure(CloudFailureReason.TokenRejected, answer),
            DailyLimit => throw Failure(CloudFailureReason.DailyLimitReached, answer),
            QpsLimit => throw Failure(CloudFailureReason.RateLimited, answer),
            ImageCheckFailed => throw Failure(CloudFailureReason.ImageRefused, answer),
            _ => throw Failure(CloudFailureReason.ServiceError, answer),
        };
    }

    private static JsonObject Face(ReadOnlyMemory<byte> image, string faceType) => new()
    {
        ["image"] = Convert.ToBase64String(image.Span),
        ["image_type"] = "BASE64",
        ["face_type"] = faceType,
        ["quality_control"] = "NONE",
        ["liveness_control"] = "NONE",
    };

    private FaceComparison Verdict(JsonElement root)
    {
        if (!root.TryGetProperty("result", out var result)
            || result.ValueKind != JsonValueKind.Object
            || !result.TryGetProperty("score", out var scoreElement)
            || scoreElement.ValueKind != JsonValueKind.Number
            || !scoreElement.TryGetDouble(out var score))
            throw new CloudFaceServiceException(CloudFailureReason.MalformedAnswer, "The match answer has no numeric result.score.", 0);

        var decision = score >= options.CloudPassScore ? FaceDecision.Same : FaceDecision.Different;
        return new FaceComparison(true, true, score, decision, options.CloudPassScore);
    }

    private async Task<MatchAnswer> MatchAsync(JsonArray body, string token, CancellationToken cancellationToken)
    {
        var uri = new Uri(baidu.BaseUrl, $"rest/2.0/face/v3/match?access_token={Uri.EscapeDataString(token)}");
        using var response = await http.PostAsJsonAsync(uri, body, cancellationToken);
        var root = await ReadJsonAsync(response, cancellationToken);
        if (!root.TryGetProperty("error_code", out var code) || code.ValueKind != JsonValueKind.Number || !code.TryGetInt32(out var value))
            throw new CloudFaceServiceException(CloudFailureReason.MalformedAnswer, "The match answer has no numeric error_code.");
        var message = root.TryGetProperty("error_msg", out var msg) && msg.ValueKind == JsonValueKind.String ? msg.GetString() : null;
        return new MatchAnswer(value, message, root);
    }

    private async Task<string> TokenAsync(string? rejected, CancellationToken cancellationToken)
    {
        await _tokenLock.WaitAsync(cancellationToken);
        try
        {
            // Another caller may already have replaced the rejected token while this one waited.
            if (_token is not null && _token != rejected)
                return _token;

            var uri = new Uri(baidu.BaseUrl,
                $"oauth/2.0/token?grant_type=client_credentials&client_id={Uri.EscapeDataString(baidu.ApiKey)}&client_secret={Uri.EscapeDataString(baidu.SecretKey)}");
            using var response = await http.PostAsync(uri, null, cancellationToken);
            var root = await ReadJsonAsync(response, cancellationToken);
            if (!root.TryGetProperty("access_token", out var token) || token.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(token.GetString()))
                throw new CloudFaceServiceException(CloudFailureReason.TokenRejected, "The token endpoint gave no access_token.");
            _token = token.GetString();
            return _token!;
        }
        finally
        {
            _tokenLock.Release();
        }
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
            throw new CloudFaceServiceException(CloudFailureReason.ServiceError, $"The provider answered HTTP {(int)response.StatusCode}.");
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new CloudFaceServiceException(CloudFailureReason.MalformedAnswer, "The provider's answer is not a JSON object.");
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new CloudFaceServiceException(CloudFailureReason.MalformedAnswer, "The provider's answer is not JSON.");
        }
    }

    private static CloudFaceServiceException Failure(CloudFailureReason reason, MatchAnswer answer) =>
        new(reason, $"Baidu face match failed: {answer.Code} {answer.Message}", answer.Code);

    private sealed record MatchAnswer(int Code, string? Message, JsonElement Root);
}
