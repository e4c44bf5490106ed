using Microsoft.AspNetCore.Http.Metadata;
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
            .AddOperationTransformer<DeclaredOperation>());
        return services;
    }

    public static void MapApiDocumentation(this IEndpointRouteBuilder routes)
    {
        routes.MapOpenApi();
        routes.MapScalarApiReference(ReferencePath, o => o.WithTitle("Supervision platform API").DisableDefaultFonts().WithNonce());
    }

    /// <summary>Attaches each endpoint's <see cref="ApiCatalog"/> entry, found by its HTTP method and route pattern.</summary>
    public static TBuilder WithApiCatalog<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            var method = endpoint.Metadata.OfType<IHttpMethodMetadata>().FirstOrDefault()?.HttpMethods.FirstOrDefault();
            if (endpoint is not RouteEndpointBuilder route || method is null || ApiCatalog.Find(method, route.RoutePattern.RawText ?? "") is not { } entry)
            {
                return;
            }

            endpoint.Metadata.Add(new TagsAttribute(entry.Tag));
            endpoint.Metadata.Add(new EndpointSummaryAttribute(entry.Summary));
            endpoint.Metadata.Add(new EndpointDescriptionAttribute(entry.Description));
            endpoint.Metadata.Add(new AnsweredCodes(entry.Codes));
            // No content types here: routing would answer a form body 415 on its own, where the envelope reader answers 1005.
            // The document still says application/json, its default for a body without declared formats.
            if (entry.Request is not null)
            {
                endpoint.Metadata.Add(new AcceptsMetadata([], entry.Request));
            }

            foreach (var response in entry.Responses)
            {
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(response.Status, response.Body, response.ContentTypesOrJson));
            }
        });
        return builder;
    }
}
