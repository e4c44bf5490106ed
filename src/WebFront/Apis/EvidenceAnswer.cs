using System.Text.Json;
using Supervision.Contracts.Evidence;
using Supervision.Contracts.Evidence.Details;

namespace Supervision.WebFront.Apis;

/// <summary>
/// An evidence row for the operator: what it was and what came of it in words (Chinese and English; the kind's code
/// stays in `kind`, the returnCode in `outcome`), and its details as a JSON object, not a string: the kind's record as
/// it is stored, or, for a row of another shape, as stored. `names` lists the names its sentence says, with their codes.
/// </summary>
public static class EvidenceAnswer
{
    public static object From(EvidenceView row, SentenceNames names)
    {
        var typed = Typed(row);
        var words = EventWording.Describe(row, typed, names);
        return new
        {
            id = row.Id,
            at = row.At,
            kind = row.Kind,
            kindWords = KindNames.Event(row.Kind),
            words,
            names = names.UsedIn(words),
            resCode = row.ResCode,
            sessionId = row.SessionId,
            outcome = row.Outcome,
            outcomeWords = EventWording.Outcome(row, typed),
            credited = row.Credited,
            platformCode = row.PlatformCode,
            details = row.Details is null ? (JsonElement?)null : JsonDocument.Parse(typed is null ? row.Details : DetailsJson.Write(typed)).RootElement,
        };
    }

    /// <summary>The rows of <paramref name="classCode"/> as answered, their sentences naming its videos and the platforms by name.</summary>
    public static async Task<List<object>> ListAsync(IClusterClient grains, IEnumerable<EvidenceView> rows, string classCode)
    {
        var list = rows.ToList();
        var names = await SentenceNames.ForAsync(grains, classCode, asking => list.ForEach(row => EventWording.Describe(row, Typed(row), asking)));
        return list.Select(row => From(row, names)).ToList();
    }

    private static EvidenceDetails? Typed(EvidenceView row) => row.Details is null ? null : DetailsJson.ReadEvidence(row.Kind, row.Details);
}
