using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Supervision.Envelope.Declarations;

namespace Supervision.WebFront.Declarations;

/// <summary>
/// Makes the document's schema of a declared request say what its reader does: which fields are required, each
/// field's limits, and the other spellings the reader accepts.
/// </summary>
public sealed class DeclaredRequestSchema : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (DeclaredFields.Of(context.JsonTypeInfo.Type) is not { } fields)
        {
            return Task.CompletedTask;
        }

        schema.Required = fields.Where(f => f.Required).Select(f => f.WireName).ToHashSet();
        foreach (var field in fields)
        {
            if (schema.Properties?.TryGetValue(field.WireName, out var property) is true && property is OpenApiSchema described)
            {
                Describe(described, field.Wire.Schema);
                if (field.Aliases.Count > 0)
                {
                    var also = string.Join(", ", field.Aliases.Select(alias => $"'{alias}'"));
                    described.Description = $"{described.Description}{(described.Description is null ? "" : ". ")}Also accepted as {also}";
                }
            }
        }

        return Task.CompletedTask;
    }

    private static void Describe(OpenApiSchema schema, WireSchema limits)
    {
        schema.Pattern = limits.Pattern ?? schema.Pattern;
        schema.MinLength = limits.MinLength ?? schema.MinLength;
        schema.MaxLength = limits.MaxLength ?? schema.MaxLength;
        schema.Minimum = limits.Minimum?.ToString(CultureInfo.InvariantCulture) ?? schema.Minimum;
        schema.Maximum = limits.Maximum?.ToString(CultureInfo.InvariantCulture) ?? schema.Maximum;
        schema.Format = limits.Format ?? schema.Format;
        schema.MaxItems = limits.MaxItems ?? schema.MaxItems;
    }
}
