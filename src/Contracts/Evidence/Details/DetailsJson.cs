using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Supervision.Contracts.Evidence.Details;

/// <summary>
/// Details to and from the JSON stored in evidence_events.details and anomalies.details. The row's kind picks the
/// type (the stored JSON names none). Reading is strict, so that a row of another shape (written by an older version,
/// or by hand) is told apart from one of the kind's shape: it reads as null, and whoever shows it shows its JSON as stored.
/// </summary>
public static class DetailsJson
{
    /// <summary>camelCase names; a missing field or a null where the record allows none is not the kind's shape.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    private static readonly IReadOnlyDictionary<Type, string> Kinds =
        DerivedTypes(typeof(EvidenceDetails)).Concat(DerivedTypes(typeof(AnomalyDetails)))
            .ToDictionary(t => t, t => t.GetCustomAttribute<StoredAsAttribute>()?.Kind ?? throw new InvalidOperationException($"{t.Name} names no kind ([StoredAs])"));

    private static readonly IReadOnlyDictionary<string, Type> EvidenceTypes = DerivedTypes(typeof(EvidenceDetails)).ToDictionary(t => Kinds[t]);

    private static readonly IReadOnlyDictionary<string, Type> AnomalyTypes = DerivedTypes(typeof(AnomalyDetails)).ToDictionary(t => Kinds[t]);

    /// <summary>The evidence kinds that have details.</summary>
    public static IEnumerable<string> EvidenceKinds => EvidenceTypes.Keys;

    /// <summary>The anomaly kinds that have details (every one).</summary>
    public static IEnumerable<string> AnomalyKinds => AnomalyTypes.Keys;

    public static string KindOf(EvidenceDetails details) => Kinds[details.GetType()];

    public static string KindOf(AnomalyDetails details) => Kinds[details.GetType()];

    public static string Write(EvidenceDetails details) => JsonSerializer.Serialize(details, Options);

    public static string Write(AnomalyDetails details) => JsonSerializer.Serialize(details, Options);

    /// <summary>The details of an evidence row of <paramref name="kind"/>; null when it has none or they are not of the kind's shape.</summary>
    public static EvidenceDetails? ReadEvidence(string kind, string? json) =>
        json is not null && EvidenceTypes.TryGetValue(kind, out var type) ? (EvidenceDetails?)Read(json, type) : null;

    /// <summary>The details of an anomaly of <paramref name="kind"/>; null when the kind is unknown or they are not of its shape.</summary>
    public static AnomalyDetails? ReadAnomaly(string kind, string json) =>
        AnomalyTypes.TryGetValue(kind, out var type) ? (AnomalyDetails?)Read(json, type) : null;

    private static object? Read(string json, Type type)
    {
        try
        {
            return JsonSerializer.Deserialize(json, type, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IEnumerable<Type> DerivedTypes(Type root) => root.GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => a.DerivedType);
}
