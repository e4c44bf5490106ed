using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Supervision.LoadGen;

/// <summary>The envelope API as a learning or business platform calls it, timing every call.</summary>
public sealed class SupervisionClient(HttpClient http, Measurements measurements)
{
    public async Task<JsonObject> AdminAsync(string path, object body, string adminKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Admin-Key", adminKey);
        using var response = await http.SendAsync(request);
        return Expect0(path, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    public async Task<string> LogInAsync(string account, string password)
    {
        var answer = await PostAsync("login", "/api/v1/thlogin", null, new JsonObject { ["studyPlatformAcount"] = account, ["passWord"] = password });
        return (string)Expect0("login", answer)["returnData"]!["acceptToken"]!;
    }

    public async Task<JsonObject> PostAsync(string endpoint, string path, string? token, JsonNode data)
    {
        var envelope = new JsonObject
        {
            ["headers"] = new JsonObject
            {
                ["deviceType"] = "TYPE_PC",
                ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(),
                ["deviceId"] = "loadgen",
                ["userToken"] = token,
            },
            ["data"] = data,
        };
        var started = Stopwatch.GetTimestamp();
        using var response = await http.PostAsJsonAsync(path, envelope);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        measurements.Record(endpoint, Stopwatch.GetElapsedTime(started), (string?)answer["returnCode"] ?? "?");
        return answer;
    }

    public static JsonObject Expect0(string what, JsonObject answer) =>
        (string?)answer["returnCode"] == "0" ? answer : throw new InvalidOperationException($"{what}: {answer.ToJsonString()}");
}
