using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Supervision.Contracts;
using Supervision.Tests.Infrastructure;
using Supervision.WebFront.Declarations;

namespace Supervision.Tests.Front;

[Collection(ClusterCollection.Name)]
public sealed partial class OpenApiTests(SupervisionCluster system)
{
    /// <summary>The seed's endpoints, typo aliases included: the document must describe them even if the enumeration below missed one.</summary>
    private static readonly string[] SpecPaths =
    [
        "/api/v1/thlogin", "/api/v1/authentication", "/api/v1/startStudy", "/api/startStudy", "/api/v1/endStudy",
        "/api/v1/getFaceCompareConfig", "/api/v1/thirdFaceCompare", "/api/v1thirdFaceCompare", "/api/v1/getVerificationCode",
        "/api/v1/submitVerificationCode", "/api/v1/submitRecordVideoUrl", "/api/v1/studyHour", "/api/v1/updateErcunPhotosUrl",
        "/api/v1/thirdCoursePush", "/api/user/v1/teacherInfo", "/api/course/v1/courseInfo", "/api/user/v1/studentInfo",
        "/api/class/v1/pushClassInfo", "/api/class/v1/classStudentStudy",
    ];

    [Fact]
    public async Task The_document_describes_every_route_the_front_maps_under_api_admin_and_health()
    {
        var paths = (await DocumentAsync())["paths"]!.AsObject();
        var mapped = DocumentedRoutes().ToList();

        Assert.True(mapped.Count >= SpecPaths.Length + 40, $"only {mapped.Count} routes found");
        Assert.All(mapped, route =>
        {
            var operation = paths[route.Path]?[route.Method];
            Assert.True(operation is not null, $"{route.Method} {route.Path} is not in the document");
            Assert.False(string.IsNullOrEmpty((string?)operation["summary"]), $"{route.Method} {route.Path} has no summary");
            Assert.False(string.IsNullOrEmpty((string?)operation["description"]), $"{route.Method} {route.Path} has no description");
            Assert.True(operation["tags"]?.AsArray().Count == 1, $"{route.Method} {route.Path} is in no section of the reference");
            Assert.True(operation["responses"]?["200"] is not null, $"{route.Method} {route.Path} documents no answer");
            // Every operator route but the login, which is how a session is had.
            Assert.Equal(route.Path.StartsWith("/admin", StringComparison.Ordinal) && route.Path != "/admin/login", operation["security"] is not null);
        });
        Assert.All(SpecPaths, path => Assert.NotNull(paths[path]?["post"]?["requestBody"]?["content"]?["application/json"]?["schema"]));
    }

    /// <summary>
    /// The documentation is the route's own metadata: its summary, description, section and answers are declared where it
    /// is mapped, and so are the codes it may answer (every route but /health answers some), so no route can lose them to
    /// a rename, nor be mapped without them.
    /// </summary>
    [Fact]
    public void Every_route_declares_its_summary_section_answer_and_codes_where_it_is_mapped()
    {
        var routes = DocumentedRoutes().ToList();
        Assert.NotEmpty(routes);
        Assert.All(routes, route =>
        {
            var metadata = route.Endpoint.Metadata;
            var at = $"{route.Method} {route.Path}";
            Assert.True(metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary is { Length: > 0 }, $"{at} declares no summary");
            Assert.True(metadata.GetMetadata<IEndpointDescriptionMetadata>()?.Description is { Length: > 0 }, $"{at} declares no description");
            Assert.True(metadata.GetOrderedMetadata<ITagsMetadata>().SelectMany(t => t.Tags).Distinct().Count() == 1, $"{at} declares no section, or several");
            Assert.True(metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>().Any(p => p.StatusCode == StatusCodes.Status200OK), $"{at} declares no answer");
            Assert.True(route.Path == "/health" || DeclaredOperation.Codes(metadata).Count > 0, $"{at} declares no failure code");
        });
        Assert.All(routes.Where(route => route.Path.StartsWith("/admin", StringComparison.Ordinal) && route.Path != "/admin/login"), route =>
            Assert.Superset(new HashSet<string>([ReturnCode.OperatorSessionInvalid, ReturnCode.OperatorRoleRefused, ReturnCode.InternalError, ReturnCode.Unavailable]),
                DeclaredOperation.Codes(route.Endpoint.Metadata).ToHashSet()));
    }

    [Fact]
    public async Task The_document_names_the_envelope_fields_and_every_failure_code()
    {
        var document = await DocumentAsync();
        var text = document.ToJsonString();

        foreach (var field in new[] { "deviceType", "timestamp", "deviceId", "userToken", "user_token", "returnCode", "returnMsg", "returnData",
            "studyPlatformAcount", "passWord", "acceptToken", "progressTime", "checkDue", "bizCode", "thirdClassStudentInfoVoList", "stuCard" })
        {
            Assert.Contains($"\"{field}\"", text);
        }

        var description = (string)document["info"]!["description"]!;
        var codes = typeof(ReturnCode).GetFields().Select(f => (string)f.GetValue(null)!);
        Assert.All(codes, code => Assert.Contains($"| {code} |", description));
        Assert.Equal("X-Admin-Key", (string?)document["components"]!["securitySchemes"]!["adminKey"]!["name"]);
    }

    [Fact]
    public async Task Photo_routes_are_documented_as_jpeg_or_png_and_every_answer_of_the_front_says_nosniff()
    {
        var paths = (await DocumentAsync())["paths"]!.AsObject();
        foreach (var path in new[] { "/admin/check-photos/{id}", "/admin/face-reviews/{photoId}/registered-photo" })
        {
            var content = paths[path]!["get"]!["responses"]!["200"]!["content"]!.AsObject();
            Assert.Equal(["image/jpeg", "image/png"], content.Select(c => c.Key).Order());
        }

        Assert.NotNull(paths["/api/v1/verificationImage/{bizCode}"]!["get"]!["responses"]!["200"]!["content"]!["image/png"]);

        using var document = await system.Http.GetAsync("/openapi/v1.json");
        using var refused = await system.Http.GetAsync("/admin/check-photos/1");
        using var missing = await system.Http.GetAsync("/api/v1/verificationImage/not-a-code");
        Assert.All([document, refused, missing], answer => Assert.Equal("nosniff", answer.Headers.GetValues("X-Content-Type-Options").Single()));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task The_document_lists_only_routes_the_front_serves_and_names_no_server_but_itself()
    {
        var mapped = system.FrontServices.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(method => $"{method.ToLowerInvariant()} {MappedRoutes.WithoutConstraints(e.RoutePattern.RawText!)}"))
            .ToHashSet();
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json") { Headers = { Host = "evil.example" } };
        using var answer = await system.Http.SendAsync(spoofed);
        var document = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;

        var documented = document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(operation => $"{operation.Key} {path.Key}")).ToList();
        Assert.All(documented, operation => Assert.Contains(operation, mapped));
        Assert.Equal(["/"], document["servers"]!.AsArray().Select(server => (string?)server!["url"]));
        Assert.DoesNotContain("evil.example", document.ToJsonString());
    }

    [Fact]
    public async Task The_reference_page_runs_only_its_own_scripts_and_loads_nothing_from_elsewhere()
    {
        using var response = await system.Http.GetAsync("/scalar/");
        var html = await response.Content.ReadAsStringAsync();
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();

        var nonce = Nonce().Match(policy).Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("unsafe", policy.Split(';').Single(directive => directive.Trim().StartsWith("script-src", StringComparison.Ordinal)));
        Assert.All(ScriptTag().Matches(html), tag => Assert.Contains($"nonce=\"{nonce}\"", tag.Value));
        Assert.DoesNotContain("fonts.scalar.com", html);
        Assert.DoesNotContain("cdn.jsdelivr.net", html);
    }

    [Fact]
    public async Task The_reference_page_answers_without_the_operator_key()
    {
        using var response = await system.Http.GetAsync("/scalar/");
        var scripts = ScriptSource().Matches(await response.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);

        // Every answer says nosniff, so a script served under another type would not run: the page's own are JavaScript.
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            using var served = await system.Http.GetAsync("/scalar/" + script);
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Contains(served.Content.Headers.ContentType?.MediaType, new[] { "text/javascript", "application/javascript" });
        }
    }

    /// <summary>Every route the document describes: the sections' under /api, the operator's under /admin, and /health (its probes are not routes a client calls).</summary>
    private IEnumerable<(RouteEndpoint Endpoint, string Path, string Method)> DocumentedRoutes() =>
        MappedRoutes.Of(system, pattern => pattern.StartsWith("/api", StringComparison.Ordinal) || pattern.StartsWith("/admin", StringComparison.Ordinal) || pattern == "/health");

    private Task<JsonObject> DocumentAsync() => MappedRoutes.DocumentAsync(system);

    [GeneratedRegex("<script[^>]*src=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex Nonce();

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();
}
