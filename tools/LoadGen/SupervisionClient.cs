using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Supervision.LoadGen;

/// <summary>The envelope API as a learning or business platform calls it, timing every call.</summary>
public sealed class SupervisionClient(HttpClient http, Measurements measurements)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private string? operatorSession;

    /// <summary>
    /// An operator call: as the operator account SUPERVISION_OPERATOR (password SUPERVISION_OPERATOR_PASSWORD) when set,
    /// else with the shared admin key, which works only where the server keeps it on (SUPERVISION_KEEP_ADMIN_KEY).
    /// </summary>
    public async Task<JsonObject> AdminAsync(string path, object body, string adminKey, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (Environment.GetEnvironmentVariable("SUPERVISION_OPERATOR") is { Length: > 0 } account)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", operatorSession ??= await OperatorSessionAsync(account));
        }
        else
        {
            request.Headers.Add("X-Admin-Key", adminKey);
        }

        using var response = await http.SendAsync(request);
        return Expect0(path, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    private async Task<string> OperatorSessionAsync(string account)
    {
        using var response = await http.PostAsJsonAsync("/admin/login", new { account, password = Environment.GetEnvironmentVariable("SUPERVISION_OPERATOR_PASSWORD") ?? "" });
        return (string)Expect0("operator login", JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject())["returnData"]!["token"]!;
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

    /// <summary>
    /// The hot path, built and read without a JSON DOM: the load tool shares the machine with what it measures,
    /// so every cycle it spends is one the server does not get.
    /// </summary>
    public async Task<(string Code, int Credited)> StudyHourAsync(string token, string platform, string classCode, string student, string course, string res, int playTime, int progressTime)
    {
        var body = Encoding.UTF8.GetBytes(
            $$$"""{"headers":{"deviceType":"TYPE_PC","timestamp":"{{{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}}}","deviceId":"loadgen","userToken":"{{{token}}}"},"data":{"studyPlatformCode":"{{{platform}}}","classCode":"{{{classCode}}}","studentUserCode":"{{{student}}}","courseCode":"{{{course}}}","resCode":"{{{res}}}","playTime":{{{playTime}}},"progressTime":{{{progressTime}}}}}""");
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        var started = Stopwatch.GetTimestamp();
        using var response = await http.PostAsync("/api/v1/studyHour", content);
        var answer = await response.Content.ReadAsByteArrayAsync();
        var (code, credited) = ReadCodeAndCredited(answer);
        measurements.Record("studyHour", Stopwatch.GetElapsedTime(started), code);
        return (code, credited);
    }

    private static (string Code, int Credited) ReadCodeAndCredited(byte[] answer)
    {
        var reader = new Utf8JsonReader(answer);
        string? code = null;
        var credited = 0;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            if (reader.ValueTextEquals("returnCode"u8) && reader.Read())
            {
                code = reader.GetString();
            }
            else if (reader.ValueTextEquals("credited"u8) && reader.Read() && reader.TokenType == JsonTokenType.Number)
            {
                credited = reader.GetInt32();
            }
        }

        return (code ?? "?", credited);
    }

    public static JsonObject Expect0(string what, JsonObject answer) =>
        (string?)answer["returnCode"] == "0" ? answer : throw new InvalidOperationException($"{what}: {answer.ToJsonString()}");
}
