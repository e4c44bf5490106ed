using System.Reflection;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Supervision.WebFront.Declarations;

/// <summary>
/// Lists in an operation the query parameters its handler takes through declared queries (<see cref="IQueryDeclaration{TSelf}"/>),
/// which ASP.NET Core's own description leaves out (they bind themselves): each by its name, with the type, default and
/// bounds its declaration reads it with.
/// </summary>
public sealed class DeclaredQueryParameters : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var field in Of(context.Description.ActionDescriptor.EndpointMetadata))
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = field.Name,
                In = ParameterLocation.Query,
                Required = field.Field.Required,
                Description = field.Description,
                Schema = field.Field.Schema(),
            });
        }

        return Task.CompletedTask;
    }

    /// <summary>The query parameters an endpoint's handler reads through its declared queries, from the handler's own signature.</summary>
    public static IEnumerable<DeclaredQueryField> Of(IEnumerable<object> metadata) =>
        metadata.OfType<MethodInfo>().Take(1).SelectMany(handler => handler.GetParameters()).SelectMany(parameter => Fields(parameter.ParameterType));

    /// <summary>The fields of <paramref name="type"/> when it is a declared query; none otherwise.</summary>
    public static IReadOnlyList<DeclaredQueryField> Fields(Type type) =>
        type.IsClass && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IQueryDeclaration<>))
            ? (IReadOnlyList<DeclaredQueryField>)typeof(DeclaredQuery<>).MakeGenericType(type).GetProperty(nameof(DeclaredQuery<object>.Fields))!.GetValue(null)!
            : [];
}
