using System.Text.Json;
using Supervision.Contracts.Evidence;

namespace Supervision.WebFront.Apis;

/// <summary>An evidence row for the operator: its details as a JSON object, not a string.</summary>
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
        details = row.Details is null ? (JsonElement?)null : JsonDocument.Parse(row.Details).RootElement,
    };
}
