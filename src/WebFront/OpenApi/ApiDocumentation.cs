using Scalar.AspNetCore;
using Supervision.WebFront.Declarations;

namespace Supervision.WebFront.OpenApi;

/// <summary>
/// The OpenAPI document at /openapi/v1.json and its browsable reference at /scalar, both open to anyone: they
/// describe the interface, and no data is behind them. The reference loads nothing from elsewhere (no CDN fonts)
/// and runs only its own scripts (<see cref="ReferencePagePolicy"/>).
/// </summary>
public static class ApiDocumentation
{
    public const string ReferencePath = "/scalar";

    public static IServiceCollection AddApiDocumentation(this IServiceCollection services)
    {
        // The documentation shapes are positional records: their parameters without a default are the required fields.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.RespectRequiredConstructorParameters = true);
        services.AddOpenApi("v1", o => o
            .AddDocumentTransformer<EnvelopeDocumentTransformer>()
            .AddSchemaTransformer<DeclaredRequestSchema>()
            .AddSchemaTransformer<OmittedNullsSchema>()
            .AddOperationTransformer<DeclaredOperation>()
            .AddOperationTransformer<DeclaredQueryParameters>());
        return services;
    }

    public static void MapApiDocumentation(this IEndpointRouteBuilder routes)
    {
        routes.MapOpenApi();
        routes.MapScalarApiReference(ReferencePath, o => o.WithTitle("Supervision platform API").DisableDefaultFonts().WithNonce());
    }
}
