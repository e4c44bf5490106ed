using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Supervision.Contracts;
using Supervision.Envelope;

namespace Supervision.WebFront.Declarations;

/// <summary>
/// One of <see cref="Choices"/>, exactly as spelt; <see cref="Fallback"/> when absent (and when empty, if
/// <see cref="EmptyIsAbsent"/>); anything else is refused naming the parameter and its choices.
/// </summary>
public sealed class QueryChoiceAttribute(params string[] choices) : QueryFieldAttribute
{
    public IReadOnlyList<string> Choices { get; } = choices;

    public string? Fallback { get; init; }

    public bool EmptyIsAbsent { get; init; }

    /// <summary>Absent is refused as a wrong choice is (a decision), not taken as <see cref="Fallback"/>.</summary>
    public bool Demanded { get; init; }

    public override bool Required => Demanded;

    public override object? Read(string? text, string name) =>
        Choices.Contains(text) ? text
        : (text is null && !Demanded) || (text is "" && EmptyIsAbsent) ? Fallback
        : throw new EnvelopeRejection(ReturnCode.InvalidField, $"{name}: must be {OneOf}");

    private string OneOf => Choices.Count == 1 ? Choices[0] : $"{string.Join(", ", Choices.SkipLast(1))} or {Choices[^1]}";

    public override OpenApiSchema Schema() => new()
    {
        Type = JsonSchemaType.String,
        Enum = [.. Choices.Select(choice => (JsonNode)JsonValue.Create(choice))],
        Default = Fallback is null ? null : JsonValue.Create(Fallback),
    };
}
