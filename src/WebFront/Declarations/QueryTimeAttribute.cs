using Microsoft.OpenApi;
using Supervision.WebFront.Apis;

namespace Supervision.WebFront.Declarations;

/// <summary>A date and time (ISO 8601; without an offset, UTC), null when absent.</summary>
public sealed class QueryTimeAttribute : QueryFieldAttribute
{
    public override object? Read(string? text, string name) => QueryValue.Time(text, name);

    public override OpenApiSchema Schema() => new() { Type = JsonSchemaType.String, Format = "date-time" };
}
