using System.Text.Json.Nodes;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Flags;

/// <summary>The operator's side of crowd and bot flags, through the operator API: a learner's flags, the flag list, a decision.</summary>
public static class FlagDesk
{
    /// <summary>The learner's anomalies of <paramref name="kind"/>, newest first, as the operator sees them (with review and details).</summary>
    public static async Task<List<JsonNode>> FlagsAsync(Learner learner, string kind) =>
        (await learner.OperatorViewAsync())["anomalies"]!.AsArray().Where(a => (string?)a!["kind"] == kind).Select(a => a!).ToList();

    /// <summary>/admin/flags for the learner's class, filtered by review.</summary>
    public static async Task<List<JsonNode>> ListAsync(SupervisionCluster system, string classCode, string? review = null) =>
        (await system.AdminAsync(HttpMethod.Get, $"/admin/flags?classCode={classCode}" + (review is null ? "" : $"&review={review}")))["returnData"]!.AsArray().Select(a => a!).ToList();

    /// <summary>The decision of the reviewer account <paramref name="operatorName"/> (made if it does not exist).</summary>
    public static async Task<JsonObject> DecideAsync(SupervisionCluster system, long id, string decision, string operatorName)
    {
        await system.SignInAsync(operatorName, "reviewer");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/admin/flags/{id}?decision={decision}");
        await system.AuthorizeAsync(request, operatorName);
        using var response = await system.Http.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>The learner's evidence rows of <paramref name="kind"/> in the operator's timeline.</summary>
    public static async Task<List<JsonNode>> TimelineAsync(SupervisionCluster system, Learner learner, string kind) =>
        (await system.AdminAsync(HttpMethod.Get, $"/admin/classes/{learner.ClassCode}/students/{learner.StudentUserCode}/timeline"))["returnData"]!
            .AsArray().Where(e => (string?)e!["kind"] == kind).Select(e => e!).ToList();
}
