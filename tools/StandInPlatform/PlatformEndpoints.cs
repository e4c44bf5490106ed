using System.Text.Json.Nodes;

namespace Supervision.StandInPlatform;

/// <summary>
/// The answers a learning platform gives the server (seed 1.12 and 1.14): an account per pushed student, and an
/// empty one-page catalogue. Public so a test can host the same logic against the real server code path.
/// </summary>
public static class PlatformEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/pushClassInfo", (JsonObject body) => Results.Json(AnswerPush(body)));
        routes.MapPost("/api/v1/thirdCoursePull", (JsonObject body) => Results.Json(AnswerPull(body)));
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
