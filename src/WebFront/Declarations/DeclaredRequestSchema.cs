using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Supervision.Envelope.Declarations;

namespace Supervision.WebFront.Declarations;

/// <summary>
/// Makes the document's schema of a declared request say what its reader does: which fields are required, each
/// field's limits, the other spellings the reader accepts, and the fields it reads beside a field's own (an inlined
/// declaration's, or an object's read from its parent when the object is absent), which the type alone does not show.
/// </summary>
public sealed class DeclaredRequestSchema : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (DeclaredFields.Of(context.JsonTypeInfo.Type) is { } fields)
        {
            Describe(schema, fields, generated: true);
        }

        return Task.CompletedTask;
    }

    /// <summary><paramref name="generated"/>: the schema is the generator's, which wrote the record's own fields (a recursive one may be a reference here).</summary>
    private static void Describe(OpenApiSchema schema, IReadOnlyList<DeclaredField> fields, bool generated)
    {
        var onTheWire = fields.SelectMany(f => f.OnTheWire).ToList();
        var own = generated ? fields.Select(f => f.WireName).ToHashSet() : [];
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var inlined in fields.Where(f => f.Wire is InlineAttribute))
        {
            schema.Properties.Remove(inlined.WireName);
        }

        schema.Required = onTheWire.Where(f => f.Required).Select(f => f.WireName).ToHashSet();
        foreach (var field in onTheWire)
        {
            if (!schema.Properties.TryGetValue(field.WireName, out var property) && !own.Contains(field.WireName))
            {
                schema.Properties[field.WireName] = property = Built(field);
            }

            if (property is OpenApiSchema described)
            {
                Describe(described, field);
            }
        }
    }

    private static void Describe(OpenApiSchema schema, DeclaredField field)
    {
        var limits = field.Wire.Schema;
        schema.Pattern = limits.Pattern ?? schema.Pattern;
        schema.MinLength = limits.MinLength ?? schema.MinLength;
        schema.MaxLength = limits.MaxLength ?? schema.MaxLength;
        schema.Minimum = limits.Minimum?.ToString(CultureInfo.InvariantCulture) ?? schema.Minimum;
        schema.Maximum = limits.Maximum?.ToString(CultureInfo.InvariantCulture) ?? schema.Maximum;
        schema.Format = limits.Format ?? schema.Format;
        schema.MaxItems = limits.MaxItems ?? schema.MaxItems;
        if (field.Aliases.Count > 0)
        {
            var also = string.Join(", ", field.Aliases.Select(alias => $"'{alias}'"));
            schema.Description = $"{schema.Description}{(schema.Description is null ? "" : ". ")}Also accepted as {also}";
        }
    }

    /// <summary>The schema of a field the type does not show as a property of its own object: its type and words, from its declaration.</summary>
    private static OpenApiSchema Built(DeclaredField field)
    {
        var type = Nullable.GetUnderlyingType(field.Parameter.ParameterType) ?? field.Parameter.ParameterType;
        var words = field.Parameter.Member.DeclaringType!.GetProperty(field.Parameter.Name!)!.GetCustomAttribute<DescriptionAttribute>()?.Description;
        if (type == typeof(bool) || type == typeof(int) || type == typeof(long) || type == typeof(string))
        {
            return new OpenApiSchema
            {
                Type = type == typeof(bool) ? JsonSchemaType.Boolean : type == typeof(string) ? JsonSchemaType.String : JsonSchemaType.Integer,
                Description = words,
            };
        }

        var nested = new OpenApiSchema { Type = JsonSchemaType.Object, Description = words };
        Describe(nested, DeclaredFields.OfElement(field), generated: false);
        return nested;
    }
}
