using System.Text.Json;

namespace Supervision.EvidenceVerifier;

/// <summary>One line of a bundle, parsed: its number in the file (from 1) and its object.</summary>
public sealed record BundleLine(int Number, JsonElement Value)
{
    public string Type => Text("type") ?? "";

    public string? Text(string name) => Value.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public long? Integer(string name) => Value.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : null;

    public JsonElement? Member(string name) => Value.TryGetProperty(name, out var v) ? v : null;
}
