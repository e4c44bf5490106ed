using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Supervision.Contracts.Operators;
using Supervision.Tests.Infrastructure;
using Supervision.WebFront.Apis;

namespace Supervision.Tests.Operators;

/// <summary>
/// Every route under /admin, as the front maps it (its endpoint data source, so a route added tomorrow is in the list),
/// names the least role it needs, and refuses a caller below it — before anything of the request is read.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class AdminRouteRoleTests(SupervisionCluster system)
{
    [Fact]
    public void Every_admin_route_names_a_role_and_every_change_needs_more_than_a_viewer()
    {
        var routes = AdminRoutes();

        Assert.True(routes.Count >= 35, $"only {routes.Count} routes found under /admin");
        Assert.All(routes, r => Assert.True(r.Role is not null, $"{r.Method} {r.Pattern} names no role"));
        // The login, and an operator's own password, are the changes every role makes for itself.
        Assert.All(routes.Where(r => r.Method != "GET" && r.Pattern is not ("/admin/login" or "/admin/me/password")),
            r => Assert.True(r.Role!.Role >= OperatorRole.Reviewer, $"{r.Method} {r.Pattern} changes something but lets a viewer do it"));
        Assert.Equal(["POST /admin/login"], routes.Where(r => r.Role!.Anonymous).Select(r => $"{r.Method} {r.Pattern}"));
        Assert.Equal(["POST /admin/operators"], routes.Where(r => r.Role!.Bootstrap).Select(r => $"{r.Method} {r.Pattern}"));
    }

    [Fact]
    public async Task Every_admin_route_refuses_a_caller_without_a_session_and_every_role_below_its_own()
    {
        var tokens = new Dictionary<OperatorRole, string>
        {
            [OperatorRole.Viewer] = await system.SignInAsync("matrix-viewer", "viewer"),
            [OperatorRole.Reviewer] = await system.SignInAsync("matrix-reviewer", "reviewer"),
        };
        var refused = new List<string>();
        foreach (var route in AdminRoutes().Where(r => !r.Role!.Anonymous))
        {
            var (anonymousStatus, anonymous) = await CallAsync(route, token: null);
            Assert.True(anonymousStatus == HttpStatusCode.Unauthorized && (string?)anonymous["returnCode"] == "1120", $"{route.Method} {route.Pattern} without a session: {anonymousStatus} {anonymous.ToJsonString()}");
            foreach (var (role, token) in tokens.Where(t => t.Key < route.Role!.Role))
            {
                var (status, answer) = await CallAsync(route, token);
                Assert.True(status == HttpStatusCode.Forbidden && (string?)answer["returnCode"] == "1121", $"{route.Method} {route.Pattern} as a {role}: {status} {answer.ToJsonString()}");
                refused.Add($"{role} {route.Method} {route.Pattern}");
            }
        }

        // Both lower roles are refused the administrators' changes, the viewer the reviewers' decisions too.
        Assert.Contains("Viewer POST /admin/face-reviews/{photoId:long}", refused);
        Assert.Contains("Reviewer PUT /admin/classes/{classCode}/policy", refused);
        Assert.Contains("Reviewer POST /admin/operators", refused);
        Assert.DoesNotContain("Reviewer POST /admin/flags/{id:long}", refused);
    }

    private List<(string Method, string Pattern, OperatorRouteRole? Role)> AdminRoutes() =>
        system.FrontServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && ("/" + raw.TrimStart('/')).StartsWith("/admin", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (method, "/" + e.RoutePattern.RawText!.TrimStart('/'), e.Metadata.GetMetadata<OperatorRouteRole>())))
            .ToList();

    /// <summary>The route with each parameter filled in, a JSON body for those that take one; refused before either is read.</summary>
    private async Task<(HttpStatusCode Status, JsonObject Answer)> CallAsync((string Method, string Pattern, OperatorRouteRole? Role) route, string? token)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(route.Pattern, @"\{[^}]+\}", "1");
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), path);
        if (route.Method is "POST" or "PUT")
        {
            request.Content = System.Net.Http.Json.JsonContent.Create(new { });
        }

        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await system.Http.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }
}
