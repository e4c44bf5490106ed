using System.Text.Json;
using Supervision.Contracts.Evidence;
using Supervision.Contracts.Evidence.Details;

namespace Supervision.WebFront.Apis;

/// <summary>
/// An anomaly row for the operator: its kind's name and why it was raised in words (Chinese and English), its numbers as a JSON object,
/// and for a flag (crowd, bot) where its review stands: under_review, void or clear. The details are the kind's record
/// as it is stored; a row of another shape is served as stored. `names` lists the names its sentence says, with their codes.
/// </summary>
public static class AnomalyAnswer
{
    public static object From(AnomalyView anomaly, SentenceNames names)
    {
        var typed = DetailsJson.ReadAnomaly(anomaly.Kind, anomaly.Details);
        var (zh, en) = AnomalyWording.Describe(anomaly.Kind, typed, names);
        return new
        {
            id = anomaly.Id,
            at = anomaly.At,
            kind = anomaly.Kind,
            kindWords = KindNames.Anomaly(anomaly.Kind),
            classCode = anomaly.ClassCode,
            studentUserCode = anomaly.StudentUserCode,
            resCode = anomaly.ResCode,
            words = new { zh, en },
            names = names.UsedIn(new Words(zh, en)),
            review = anomaly.Review,
            details = JsonDocument.Parse(typed is null ? anomaly.Details : DetailsJson.Write(typed)).RootElement,
        };
    }

    /// <summary>The rows as answered, their sentences naming platforms (and, with <paramref name="classCode"/>, its videos) by name.</summary>
    public static async Task<List<object>> ListAsync(IClusterClient grains, IEnumerable<AnomalyView> anomalies, string? classCode = null)
    {
        var rows = anomalies.ToList();
        var names = await SentenceNames.ForAsync(grains, classCode, asking => rows.ForEach(a => AnomalyWording.Describe(a.Kind, DetailsJson.ReadAnomaly(a.Kind, a.Details), asking)));
        return rows.Select(a => From(a, names)).ToList();
    }
}
