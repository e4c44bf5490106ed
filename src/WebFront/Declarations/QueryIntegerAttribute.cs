using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Supervision.Contracts;
using Supervision.WebFront.Apis;
using Supervision.Envelope;

namespace Supervision.WebFront.Declarations;

/// <summary>
/// A whole number from <see cref="Min"/> to <see cref="Max"/>, <see cref="Fallback"/> when absent. A value outside is
/// taken as the nearest bound (a page size, an offset), or refused naming the parameter when <see cref="Refused"/> (a
/// chart's window).
/// </summary>
public sealed class QueryIntegerAttribute(int fallback, int min, int max) : QueryFieldAttribute
{
    public int Fallback { get; } = fallback;

    public int Min { get; } = min;

    public int Max { get; } = max;

    public bool Refused { get; init; }

    public override object Read(string? text, string name) =>
        QueryValue.Integer(text, name) switch
        {
            null => Fallback,
            var value when value >= Min && value <= Max => value.Value,
            var value when !Refused => Math.Clamp(value.Value, Min, Max),
            _ => throw new EnvelopeRejection(ReturnCode.InvalidField, $"{name}: must be from {Min} to {Max}"),
        };

    public override OpenApiSchema Schema() => new()
    {
        Type = JsonSchemaType.Integer,
        Format = "int32",
        Default = JsonValue.Create(Fallback),
        Minimum = Min.ToString(CultureInfo.InvariantCulture),
        Maximum = Max == int.MaxValue ? null : Max.ToString(CultureInfo.InvariantCulture),
    };

    public override string Rule => Refused ? "A value outside the bounds is refused (1003)." : "A value outside the bounds is taken as the nearest bound.";
}
