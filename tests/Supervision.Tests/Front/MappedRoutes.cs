using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Front;

/// <summary>The running front's routes, named as its OpenAPI document names them, and the document: what the reference tests hold to each other.</summary>
public static partial class MappedRoutes
{
    /// <summary>Every route whose pattern <paramref name="mapped"/> accepts, once per HTTP method (lower case), its path without route constraints.</summary>
    public static IEnumerable<(RouteEndpoint Endpoint, string Path, string Method)> Of(SupervisionCluster system, Func<string, bool> mapped) =>
        system.FrontServices.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && mapped(raw))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(method => (e, WithoutConstraints(e.RoutePattern.RawText!), method.ToLowerInvariant())));

    public static async Task<JsonObject> DocumentAsync(SupervisionCluster system)
    {
        using var response = await system.Http.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>OpenAPI paths carry parameter names only: /admin/check-photos/{id:long} is /admin/check-photos/{id}.</summary>
    public static string WithoutConstraints(string pattern) => RouteConstraint().Replace(pattern, "}");

    [GeneratedRegex(@":[^}]*\}")]
    private static partial Regex RouteConstraint();
}
