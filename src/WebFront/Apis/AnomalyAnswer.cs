using System.Text.Json;
using Supervision.Contracts.Evidence;

namespace Supervision.WebFront.Apis;

/// <summary>An anomaly row for the operator: its numbers as a JSON object, not a string.</summary>
public static class AnomalyAnswer
{
    public static object From(AnomalyView anomaly) => new
    {
        id = anomaly.Id,
        at = anomaly.At,
        kind = anomaly.Kind,
        classCode = anomaly.ClassCode,
        studentUserCode = anomaly.StudentUserCode,
        resCode = anomaly.ResCode,
        details = JsonDocument.Parse(anomaly.Details).RootElement,
    };
}
