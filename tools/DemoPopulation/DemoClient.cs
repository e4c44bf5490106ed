using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Supervision.DemoPopulation;

/// <summary>
/// The server's public envelope API as the platforms call it, and its operator API (/admin) as the operator does: the
/// only two ways the demo touches the server. Envelopes carry the demo clock's time and the learner's own device.
/// </summary>
public sealed class DemoClient(HttpClient http, string operatorSession, DemoClock clock)
{
    public async Task<JsonObject> PostAsync(string path, string? token, string deviceId, JsonNode data)
    {
        var envelope = new JsonObject
        {
            ["headers"] = new JsonObject
            {
                ["deviceType"] = "TYPE_PC",
                ["timestamp"] = clock.Now.ToUnixTimeMilliseconds().ToString(),
                ["deviceId"] = deviceId,
                ["userToken"] = token,
            },
            ["data"] = data,
        };
        using var response = await http.PostAsJsonAsync(path, envelope);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public async Task<JsonObject> AdminAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", operatorSession);
        if (body is not null)
            request.Content = JsonContent.Create(body);
        using var response = await http.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>Signs in as an operator account (POST /admin/login) and answers its session, for the operator's calls.</summary>
    public static async Task<string> SignInAsync(HttpClient http, string account, string password)
    {
        using var response = await http.PostAsJsonAsync("/admin/login", new { account, password });
        var answer = Expect0($"log in as {account}", JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
        return (string)answer["returnData"]!["token"]!;
    }

    /// <summary>The server's clock now, from its /health.</summary>
    public static async Task<DateTimeOffset> ServerNowAsync(HttpClient http)
    {
        var health = JsonNode.Parse(await http.GetStringAsync("/health"))!;
        return health["now"]!.GetValue<DateTimeOffset>();
    }

    public static string Code(JsonObject answer) => (string?)answer["returnCode"] ?? "?";

    /// <summary>The answer when it is "0"; a setup step that fails stops the demo with what the server said.</summary>
    public static JsonObject Expect0(string what, JsonObject answer) =>
        Code(answer) == "0" ? answer : throw new InvalidOperationException($"{what}: {answer.ToJsonString()}");
}
