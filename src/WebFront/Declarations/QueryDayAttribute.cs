using Microsoft.OpenApi;
using Supervision.WebFront.Apis;

namespace Supervision.WebFront.Declarations;

/// <summary>A China day, yyyy-MM-dd, null when absent or empty.</summary>
public sealed class QueryDayAttribute : QueryFieldAttribute
{
    public override object? Read(string? text, string name) => QueryValue.Day(text, name);

    public override OpenApiSchema Schema() => new() { Type = JsonSchemaType.String, Format = "date" };
}
