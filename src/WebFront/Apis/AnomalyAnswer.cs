using System.Text.Json;
using Supervision.Contracts.Evidence;

namespace Supervision.WebFront.Apis;

/// <summary>
/// An anomaly row for the operator: why it was raised in words (Chinese and English), its numbers as a JSON object,
/// and for a flag (crowd, bot) where its review stands: under_review, void or clear.
/// </summary>
public static class AnomalyAnswer
{
    public static object From(AnomalyView anomaly)
    {
        var details = JsonDocument.Parse(anomaly.Details).RootElement;
        var (zh, en) = AnomalyWording.Describe(anomaly.Kind, details);
        return new
        {
            id = anomaly.Id,
            at = anomaly.At,
            kind = anomaly.Kind,
            classCode = anomaly.ClassCode,
            studentUserCode = anomaly.StudentUserCode,
            resCode = anomaly.ResCode,
            words = new { zh, en },
            review = anomaly.Review,
            details,
        };
    }
}
