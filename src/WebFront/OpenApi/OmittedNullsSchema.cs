using System.Reflection;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Supervision.Envelope.Declarations;

namespace Supervision.WebFront.OpenApi;

/// <summary>
/// An answer never writes a null (<see cref="Envelope.EnvelopeJson"/> omits it), so a field of a reply record that may be
/// null is not required in the document, whatever its constructor says. Declared requests say their own
/// (<see cref="Declarations.DeclaredRequestSchema"/>).
/// </summary>
public sealed class OmittedNullsSchema : IOpenApiSchemaTransformer
{
    private readonly NullabilityInfoContext nullability = new();

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Required is not { Count: > 0 } required || DeclaredFields.Of(context.JsonTypeInfo.Type) is not null)
        {
            return Task.CompletedTask;
        }

        foreach (var property in context.JsonTypeInfo.Properties)
        {
            if (property.AttributeProvider is PropertyInfo info && MayBeNull(info))
            {
                required.Remove(property.Name);
            }
        }

        return Task.CompletedTask;
    }

    private bool MayBeNull(PropertyInfo property)
    {
        lock (nullability)
        {
            return Nullable.GetUnderlyingType(property.PropertyType) is not null
                || (!property.PropertyType.IsValueType && nullability.Create(property).ReadState == NullabilityState.Nullable);
        }
    }
}
