using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Supervision.Contracts;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Hostile;

/// <summary>
/// Thousands of malformed requests, generated from valid ones with a fixed seed so a failure can be replayed:
/// every one must be answered with a documented code, none with a 5xx, and the system must still be healthy.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class EnvelopeFuzzTests(SupervisionCluster system)
{
    private const int Cases = 3_000;

    private static readonly HashSet<string> Documented = typeof(ReturnCode)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetValue(null)!)
        .ToHashSet();

    [Fact]
    public async Task Malformed_envelopes_are_answered_with_documented_codes_and_never_a_server_error()
    {
        var learner = await Learner.EnrolAsync(system, firstVideoSeconds: 3600);
        await learner.StartAsync();
        var seeds = Seeds(learner);
        var random = new Random(20261128);
        var seen = new Dictionary<string, int>();

        for (var i = 0; i < Cases; i++)
        {
            var (path, envelope) = seeds[random.Next(seeds.Count)];
            var (body, contentType) = Mutate(envelope.DeepClone().AsObject(), random);
            using var content = new ByteArrayContent(body);
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            using var response = await system.Http.PostAsync(path, content);
            var text = await response.Content.ReadAsStringAsync();

            Assert.True((int)response.StatusCode < 500, $"case {i} on {path} ({contentType}): HTTP {(int)response.StatusCode} {text} for {Encoding.UTF8.GetString(body)[..Math.Min(body.Length, 400)]}");
            var code = (string?)JsonNode.Parse(text)?["returnCode"];
            Assert.True(code is not null && Documented.Contains(code), $"case {i} on {path}: undocumented answer {text}");
            seen[code] = seen.GetValueOrDefault(code) + 1;
        }

        using var health = await system.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.True(seen.Keys.Count(c => c != "0") >= 5, "the mutations reached too few rules: " + string.Join(", ", seen.Keys));
    }

    private static List<(string Path, JsonObject Envelope)> Seeds(Learner learner)
    {
        JsonObject Envelope(JsonNode data) => new()
        {
            ["headers"] = new JsonObject { ["deviceType"] = "TYPE_PC", ["timestamp"] = "1587107195", ["deviceId"] = "fuzz", ["userToken"] = learner.Platforms.LearningToken },
            ["data"] = data,
        };
        var study = new JsonObject
        {
            ["studyPlatformCode"] = learner.Platforms.LearningCode, ["resCode"] = learner.FirstVideo, ["studentUserCode"] = learner.StudentUserCode,
            ["classCode"] = learner.ClassCode, ["courseCode"] = learner.CourseCode, ["playTime"] = 60, ["progressTime"] = 60,
        };
        return
        [
            ("/api/v1/studyHour", Envelope(study.DeepClone())),
            ("/api/v1/startStudy", Envelope(study.DeepClone())),
            ("/api/v1/endStudy", Envelope(study.DeepClone())),
            ("/api/v1/thlogin", Envelope(new JsonObject { ["studyPlatformAcount"] = "fuzz", ["passWord"] = "fuzz-password" })),
            ("/api/v1/authentication", Envelope(new JsonObject { ["studyPlatformCode"] = learner.Platforms.LearningCode, ["cardNo"] = learner.CardNo, ["name"] = "张丽" })),
            ("/api/v1/submitVerificationCode", Envelope(new JsonObject { ["studyPlatformCode"] = learner.Platforms.LearningCode, ["bizCode"] = "b1", ["verificationCode"] = "1234", ["videoStudyTime"] = 60 })),
            ("/api/v1/thirdFaceCompare", Envelope(new JsonObject { ["studyPlatformCode"] = learner.Platforms.LearningCode, ["bizCode"] = "b1", ["compareMode"] = 0, ["target"] = "aGVsbG8=", ["classCode"] = learner.ClassCode, ["studentUserCode"] = learner.StudentUserCode, ["resCode"] = learner.FirstVideo, ["videoStudyTime"] = 60 })),
            ("/api/v1/thirdCoursePush", Envelope(new JsonArray(new JsonObject { ["courseCode"] = "fz", ["courseName"] = "x", ["courseStatus"] = 0, ["chapterList"] = new JsonArray() }))),
            ("/api/class/v1/classStudentStudy", Envelope(new JsonObject { ["classCode"] = learner.ClassCode })),
        ];
    }

    private static (byte[] Body, string ContentType) Mutate(JsonObject envelope, Random random)
    {
        var contentType = random.Next(20) == 0 ? Pick(random, "text/html", "multipart/form-data", "application/x-www-form-urlencoded", "") : "application/json";
        var operations = 1 + random.Next(3);
        for (var i = 0; i < operations; i++)
        {
            var target = random.Next(4) == 0 ? envelope : envelope["data"] as JsonObject ?? envelope;
            var keys = target.Select(p => p.Key).ToList();
            var key = keys.Count > 0 && random.Next(5) > 0 ? keys[random.Next(keys.Count)] : "unknown" + random.Next(10);
            switch (random.Next(6))
            {
                case 0: target.Remove(key); break;
                case 1: target[key] = Hostile(random); break;
                case 2: target[key] = Nest(random.Next(1, 200)); break;
                default: target[key] = Hostile(random); break;
            }
        }

        var bytes = Encoding.UTF8.GetBytes(envelope.ToJsonString());
        return random.Next(8) switch
        {
            0 => (bytes[..random.Next(bytes.Length)], contentType),
            1 => (InvalidUtf8(bytes, random), contentType),
            2 => (Encoding.UTF8.GetBytes(DuplicateKeys(envelope.ToJsonString())), contentType),
            _ => (bytes, contentType),
        };
    }

    private static JsonNode? Hostile(Random random) => random.Next(14) switch
    {
        0 => null,
        1 => JsonValue.Create(-random.Next()),
        2 => JsonValue.Create(long.MaxValue),
        3 => JsonValue.Create(1e300),
        4 => JsonValue.Create(random.Next(2) == 0),
        5 => new JsonArray(1, "x", null),
        6 => new JsonObject { ["x"] = 1 },
        7 => JsonValue.Create(new string('9', 400)),
        8 => JsonValue.Create(new string('字', random.Next(1, 5_000))),
        9 => JsonValue.Create("-1"),
        10 => JsonValue.Create("12abc"),
        11 => JsonValue.Create("\u0000\u202e<script>"),
        12 => JsonValue.Create(""),
        _ => JsonValue.Create(random.Next()),
    };

    private static JsonNode Nest(int depth)
    {
        JsonNode node = JsonValue.Create(1);
        for (var i = 0; i < depth; i++)
        {
            node = new JsonArray(node);
        }

        return node;
    }

    private static byte[] InvalidUtf8(byte[] bytes, Random random)
    {
        var copy = bytes.ToArray();
        copy[random.Next(copy.Length)] = 0xC3;
        copy[random.Next(copy.Length)] = 0xFF;
        return copy;
    }

    private static string DuplicateKeys(string json) => json.Replace("\"data\":", "\"data\":{},\"data\":", StringComparison.Ordinal);

    private static string Pick(Random random, params string[] values) => values[random.Next(values.Length)];
}
