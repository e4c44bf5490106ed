using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;
using Supervision.Contracts;
using Supervision.Tests.Infrastructure;
using Supervision.WebFront.Declarations;

namespace Supervision.Tests.Front;

/// <summary>
/// The operator routes' query parameters cannot drift from what their handlers read: each handler takes its query values
/// only through a declared query, the document lists exactly that declaration's parameters with its types, defaults and
/// bounds, and every parameter the document lists as having a form refuses a value of another form naming itself.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed partial class DeclaredQueryTests(SupervisionCluster system)
{
    /// <summary>What a handler may take besides its route values and declared queries: services and the request itself, never a query value.</summary>
    private static readonly Type[] NotQueryValues = [typeof(HttpContext), typeof(HttpRequest), typeof(CancellationToken)];

    [Fact]
    public async Task Every_query_parameter_an_operator_handler_reads_is_documented_with_the_type_default_and_bounds_it_is_read_with()
    {
        var document = await DocumentAsync();
        var routes = OperatorRoutes().ToList();
        Assert.True(routes.Count >= 40, $"only {routes.Count} operator routes");
        var declaring = 0;
        foreach (var (endpoint, path, method) in routes)
        {
            var handler = endpoint.Metadata.OfType<MethodInfo>().First();
            var routeValues = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var parameter in handler.GetParameters())
            {
                var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
                var simple = type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTimeOffset) || type == typeof(DateOnly);
                Assert.False(simple && !routeValues.Contains(parameter.Name!), $"{method} {path} reads `{parameter.Name}` outside a declared query");
            }

            var declared = DeclaredQueryParameters.Of(endpoint.Metadata).ToDictionary(f => f.Name);
            declaring += declared.Count > 0 ? 1 : 0;
            var documented = QueryParameters(document, path, method);
            Assert.True(declared.Keys.Order().SequenceEqual(documented.Keys.Order()),
                $"{method} {path}: reads [{string.Join(", ", declared.Keys.Order())}], the document lists [{string.Join(", ", documented.Keys.Order())}]");
            foreach (var (name, field) in declared)
            {
                var expected = JsonNode.Parse(await field.Field.Schema().SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1))!;
                var schema = documented[name]["schema"]!;
                Assert.True(JsonNode.DeepEquals(Relevant(expected), Relevant(schema)), $"{method} {path} `{name}`: documented {schema.ToJsonString()}, read as {expected.ToJsonString()}");
                Assert.Equal(field.Field.Required, (bool?)documented[name]["required"] ?? false);
                AssertReadAsDocumented($"{method} {path} `{name}`", field.Field, name, schema);
            }
        }

        // /anomalies, the three risk rankings, /flags and its decision, /classes, a timeline, /actions, /face-reviews and its
        // decision, /deliveries, /grain-messages, the three charts and the evidence export.
        Assert.True(declaring >= 17, $"only {declaring} operator routes read a declared query");
        Assert.Equal(["integer", "int32", "500", "1", "5000"], Summary(QueryParameters(document, "/admin/anomalies", "get")["limit"]["schema"]!));
        Assert.Equal(["integer", "int32", "1", "1", "24"], Summary(QueryParameters(document, "/admin/charts/activity", "get")["hours"]["schema"]!));
        Assert.Equal(["string", "date"], Summary(QueryParameters(document, "/admin/risk/platforms", "get")["day"]["schema"]!));
    }

    [Fact]
    public async Task Each_documented_query_parameter_with_a_form_refuses_a_value_of_another_form_naming_itself_as_the_handler_did()
    {
        var logged = system.Logs.Lines.Count;
        var document = await DocumentAsync();
        var refusals = 0;
        foreach (var (_, path, method) in OperatorRoutes())
        {
            foreach (var (name, parameter) in QueryParameters(document, path, method))
            {
                if (Wrong(parameter) is not { } wrong)
                {
                    continue;
                }

                var others = QueryParameters(document, path, method).Where(p => p.Key != name && (bool?)p.Value["required"] is true)
                    .Select(p => $"{p.Key}={(string?)p.Value["schema"]!["enum"]?[0] ?? "none"}");
                var query = "?" + string.Join("&", others.Concat(wrong.Value is null ? [] : [$"{name}={Uri.EscapeDataString(wrong.Value)}"]));
                using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), Filled(path) + query);
                await system.AuthorizeAsync(request);
                using var response = await system.Http.SendAsync(request);
                var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                var at = $"{method} {path}{query}";
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{at}: HTTP {(int)response.StatusCode} {answer.ToJsonString()}");
                Assert.True((string?)answer["returnCode"] == wrong.Code, $"{at}: {answer.ToJsonString()}");
                Assert.True(((string?)answer["returnMsg"])?.StartsWith($"{name}: {wrong.Words}", StringComparison.Ordinal) is true, $"{at}: {answer.ToJsonString()}");
                refusals++;
            }
        }

        Assert.True(refusals >= 35, $"only {refusals} parameters were tried");
        // Only this test's lines, and the refusal itself: other tests of the cluster log faults whose stack passes through EnvelopeRejectionFilter.
        var leaked = system.Logs.Lines.Skip(logged).Where(line => line.Contains("Supervision.Envelope.EnvelopeRejection:", StringComparison.Ordinal)).ToList();
        Assert.True(leaked.Count == 0, string.Join("\n", leaked));
    }

    /// <summary>What the declaration reads when the parameter is absent is the documented default; a number past a bound it takes as the bound is read as that bound.</summary>
    private static void AssertReadAsDocumented(string at, QueryFieldAttribute field, string name, JsonNode schema)
    {
        if (!field.Required)
        {
            Assert.True(field.Read(null, name)?.ToString() == schema["default"]?.ToString(), $"{at}: read as {field.Read(null, name)} when absent, documented default {schema["default"]}");
        }

        if (field is QueryIntegerAttribute { Refused: false } integer)
        {
            Assert.Equal(integer.Min, field.Read($"{(long)integer.Min - 1}", name));
            Assert.Equal(schema["maximum"] is null ? int.MaxValue : (int)schema["maximum"]!, field.Read($"{int.MaxValue}", name));
        }
    }

    /// <summary>A value of another form than the parameter's, the code it must answer and how its message goes on; null for free text.</summary>
    private static (string? Value, string Code, string Words)? Wrong(JsonObject parameter)
    {
        var schema = parameter["schema"]!;
        return schema switch
        {
            _ when (bool?)parameter["required"] is true && schema["enum"] is null => (null, ReturnCode.MissingField, "required"),
            _ when schema["enum"] is not null => ("napping", ReturnCode.InvalidField, ""),
            _ when (string?)schema["format"] == "int32" && ((string?)parameter["description"])?.Contains("refused", StringComparison.Ordinal) is true
                => ($"{(int)schema["maximum"]! + 1}", ReturnCode.InvalidField, "must be from"),
            _ when (string?)schema["format"] == "int32" => ("ten", ReturnCode.InvalidField, "must be a whole number"),
            _ when (string?)schema["format"] == "date" => ("2026-13-01", ReturnCode.InvalidField, "must be a day"),
            _ when (string?)schema["format"] == "date-time" => ("yesterday", ReturnCode.InvalidField, "must be a date and time"),
            _ => null,
        };
    }

    /// <summary>What a schema says of a parameter's form and bounds.</summary>
    private static JsonObject Relevant(JsonNode schema) =>
        new(new[] { "type", "format", "default", "minimum", "maximum", "enum" }
            .Where(key => schema[key] is not null).Select(key => KeyValuePair.Create<string, JsonNode?>(key, schema[key]!.DeepClone())));

    private static string[] Summary(JsonNode schema) =>
        [.. new[] { "type", "format", "default", "minimum", "maximum" }.Select(key => schema[key]?.ToString()).OfType<string>()];

    /// <summary>The path with each route value filled: a number for an id, a word for a code (the declared query is read before the route's keys are looked up).</summary>
    private static string Filled(string path) => RouteValue().Replace(path, match => match.Value.Contains("id", StringComparison.OrdinalIgnoreCase) ? "1" : "none");

    private static Dictionary<string, JsonObject> QueryParameters(JsonObject document, string path, string method) =>
        (document["paths"]![path]![method]!["parameters"]?.AsArray() ?? [])
            .Select(p => p!.AsObject()).Where(p => (string?)p["in"] == "query").ToDictionary(p => (string)p["name"]!);

    private IEnumerable<(RouteEndpoint Endpoint, string Path, string Method)> OperatorRoutes() =>
        MappedRoutes.Of(system, pattern => pattern.StartsWith("/admin", StringComparison.Ordinal));

    private Task<JsonObject> DocumentAsync() => MappedRoutes.DocumentAsync(system);

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteValue();
}
