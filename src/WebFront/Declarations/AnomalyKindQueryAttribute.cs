using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Supervision.Contracts;
using Supervision.Contracts.Evidence;
using Supervision.Envelope;

namespace Supervision.WebFront.Declarations;

/// <summary>
/// An anomaly kind (<see cref="AnomalyKind.All"/>), null when absent. <see cref="Trimmed"/>: a filter, blank is absent and
/// the refusal points to /admin/anomaly-kinds; otherwise the kind is taken as spelt and the refusal lists the kinds.
/// </summary>
public sealed class AnomalyKindQueryAttribute : QueryFieldAttribute
{
    public bool Trimmed { get; init; }

    public override object? Read(string? text, string name)
    {
        var kind = Trimmed && string.IsNullOrWhiteSpace(text) ? null : Trimmed ? text!.Trim() : text;
        return kind is null || AnomalyKind.All.Contains(kind) ? kind
            : throw new EnvelopeRejection(ReturnCode.InvalidField, Trimmed
                ? $"{name}: not an anomaly kind (see /admin/anomaly-kinds)"
                : $"{name}: not an anomaly kind ({string.Join(", ", AnomalyKind.All)})");
    }

    public override OpenApiSchema Schema() => new()
    {
        Type = JsonSchemaType.String,
        Enum = [.. AnomalyKind.All.Select(kind => (JsonNode)JsonValue.Create(kind))],
    };
}
