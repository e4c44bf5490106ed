using Microsoft.OpenApi;
using Supervision.Contracts;
using Supervision.Envelope;

namespace Supervision.WebFront.Declarations;

/// <summary>
/// Text as sent, or, when <see cref="Trimmed"/>, without surrounding white space and null when blank (a filter).
/// With <see cref="RequiredFor"/>, a blank or absent one is refused (1002) saying what it is for.
/// </summary>
public sealed class QueryTextAttribute : QueryFieldAttribute
{
    public bool Trimmed { get; init; }

    public string? RequiredFor { get; init; }

    public override bool Required => RequiredFor is not null;

    public override IReadOnlyList<string> Codes => Required ? [ReturnCode.MissingField] : [];

    public override object? Read(string? text, string name) =>
        RequiredFor is not null && string.IsNullOrWhiteSpace(text) ? throw new EnvelopeRejection(ReturnCode.MissingField, $"{name}: required ({RequiredFor})")
        : !Trimmed ? text
        : string.IsNullOrWhiteSpace(text) ? null
        : text.Trim();

    public override OpenApiSchema Schema() => new() { Type = JsonSchemaType.String };
}
