using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Reviews;

/// <summary>The reviewer's reads through the operator API: a page of the queue, and a picture with the headers it came with.</summary>
public static class OperatorReads
{
    public static async Task<JsonObject> QueueAsync(SupervisionCluster system, string query = "") =>
        (await system.AdminAsync(HttpMethod.Get, $"/admin/face-reviews?{query}"))["returnData"]!.AsObject();

    public static async Task<List<JsonNode>> ItemsAsync(SupervisionCluster system, string query = "") =>
        (await QueueAsync(system, query))["items"]!.AsArray().Select(i => i!).ToList();

    public static async Task<Picture> PictureAsync(SupervisionCluster system, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        await system.AuthorizeAsync(request);
        using var response = await system.Http.SendAsync(request);
        return new Picture(response.StatusCode, response.Content.Headers.ContentType, response.Headers.TryGetValues("X-Content-Type-Options", out var options) ? options.Single() : null,
            response.Headers.CacheControl?.NoStore ?? false, await response.Content.ReadAsByteArrayAsync());
    }
}

/// <summary>What the front answered for a picture.</summary>
public sealed record Picture(HttpStatusCode Status, MediaTypeHeaderValue? ContentType, string? TypeOptions, bool NoStore, byte[] Body)
{
    public string? MediaType => ContentType?.MediaType;

    public JsonObject Envelope => JsonNode.Parse(Body)!.AsObject();
}
