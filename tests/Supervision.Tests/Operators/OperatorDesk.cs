using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Operators;

/// <summary>What an operator does at the front: log in with a password, call a route with a session or none.</summary>
public static class OperatorDesk
{
    public static async Task<(HttpStatusCode Status, JsonObject Answer)> LogInAsync(SupervisionCluster system, string account, string password)
    {
        using var response = await system.Http.PostAsJsonAsync("/admin/login", new { account, password });
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    public static async Task<(HttpStatusCode Status, JsonObject Answer)> CallAsync(
        SupervisionCluster system, HttpMethod method, string path, string? token, object? body = null, string? key = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        if (key is not null)
        {
            request.Headers.Add("X-Admin-Key", key);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await system.Http.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    /// <summary>The action log's rows for <paramref name="operatorName"/>, newest first, as <paramref name="reader"/> reads it.</summary>
    public static async Task<List<JsonNode>> ActionsAsync(
        SupervisionCluster system, string operatorName, string? kind = null, string reader = SupervisionCluster.OperatorAccount) =>
        (await system.AdminAsync(HttpMethod.Get, $"/admin/actions?pageSize=200&operator={Uri.EscapeDataString(operatorName)}" + (kind is null ? "" : $"&kind={kind}"), account: reader))
            ["returnData"]!["items"]!.AsArray().Select(a => a!).ToList();

    public static JsonObject Details(JsonNode action) => JsonNode.Parse((string)action["details"]!)!.AsObject();
}
