using System.Text.Json;
using Supervision.Contracts.Evidence;
using Supervision.Contracts.Evidence.Details;

namespace Supervision.WebFront.Apis;

/// <summary>
/// An evidence row for the operator: its details as a JSON object, not a string: the kind's record as it is stored,
/// or, for a row of another shape, as stored.
/// </summary>
public static class EvidenceAnswer
{
    public static object From(EvidenceView row) => new
    {
        id = row.Id,
        at = row.At,
        kind = row.Kind,
        resCode = row.ResCode,
        sessionId = row.SessionId,
        outcome = row.Outcome,
        credited = row.Credited,
        platformCode = row.PlatformCode,
        details = row.Details is null ? (JsonElement?)null : JsonDocument.Parse(Served(row.Kind, row.Details)).RootElement,
    };

    private static string Served(string kind, string details) => DetailsJson.ReadEvidence(kind, details) is { } typed ? DetailsJson.Write(typed) : details;
}
