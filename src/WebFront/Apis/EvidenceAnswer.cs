using System.Text.Json;
using Supervision.Contracts.Evidence;
using Supervision.Contracts.Evidence.Details;

namespace Supervision.WebFront.Apis;

/// <summary>
/// An evidence row for the operator: what it was and what came of it in words (Chinese and English; the kind's code
/// stays in `kind`, the returnCode in `outcome`), and its details as a JSON object, not a string: the kind's record as
/// it is stored, or, for a row of another shape, as stored.
/// </summary>
public static class EvidenceAnswer
{
    public static object From(EvidenceView row)
    {
        var typed = row.Details is null ? null : DetailsJson.ReadEvidence(row.Kind, row.Details);
        return new
        {
            id = row.Id,
            at = row.At,
            kind = row.Kind,
            kindWords = KindNames.Event(row.Kind),
            words = EventWording.Describe(row, typed),
            resCode = row.ResCode,
            sessionId = row.SessionId,
            outcome = row.Outcome,
            outcomeWords = EventWording.Outcome(row, typed),
            credited = row.Credited,
            platformCode = row.PlatformCode,
            details = row.Details is null ? (JsonElement?)null : JsonDocument.Parse(typed is null ? row.Details : DetailsJson.Write(typed)).RootElement,
        };
    }
}
