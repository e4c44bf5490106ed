using System.Text.Json.Nodes;

namespace Supervision.StandInPlatform;

/// <summary>
/// The answers a learning platform gives the server (seed 1.12 and 1.14): an account per pushed student, and an
/// empty one-page catalogue. Public so a test can host the same logic against the real server code path.
/// It stands in for several platforms at once: each learning platform's apiBaseUrl may be /{platform}/api here (a
/// platform's URL belongs to it alone), and it serves the repository's test faces at /photos/{file}, as a platform's
/// image host would serve its learners' registered photos.
/// </summary>
public static class PlatformEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, string? photoFolder = null)
    {
        foreach (var root in new[] { "/api", "/{platform}/api" })
        {
            routes.MapPost(root + "/v1/pushClassInfo", (JsonObject body) => Results.Json(AnswerPush(body)));
            routes.MapPost(root + "/v1/thirdCoursePull", (JsonObject body) => Results.Json(AnswerPull(body)));
        }

        if (photoFolder is not null)
        {
            var photos = Directory.GetFiles(photoFolder).Where(f => f.EndsWith(".jpg", StringComparison.Ordinal) || f.EndsWith(".png", StringComparison.Ordinal))
                .ToDictionary(f => Path.GetFileName(f), f => f);
            routes.MapGet("/photos/{file}", (string file) => photos.TryGetValue(file, out var path)
                ? Results.File(path, path.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "image/jpeg")
                : Results.NotFound());
        }
    }

    public static JsonObject AnswerPush(JsonObject body)
    {
        var students = body["data"]?["thirdClassStudentInfoVoList"]?.AsArray() ?? [];
        // The account is derived from the student code, not the ID number, so nothing personal is echoed twice.
        var accounts = new JsonArray(students.Select(s => (JsonNode)new JsonObject
        {
            ["cardNo"] = (string?)s!["cardNo"],
            ["studentUserAccount"] = "stand-in-" + (string?)s["studentUserCode"],
        }).ToArray());
        return new JsonObject { ["returnCode"] = "0", ["returnMsg"] = "success", ["passwordRules"] = "身份证后六位", ["returnData"] = accounts };
    }

    public static JsonObject AnswerPull(JsonObject body)
    {
        var pageNo = (int?)body["data"]?["pageNo"] ?? 1;
        var pageSize = (int?)body["data"]?["pageSize"] ?? 100;
        return new JsonObject
        {
            ["returnCode"] = "0",
            ["returnMsg"] = "success",
            ["pageNo"] = pageNo,
            ["pageSize"] = pageSize,
            ["totalPage"] = 1,
            ["data"] = new JsonArray(),
        };
    }
}
