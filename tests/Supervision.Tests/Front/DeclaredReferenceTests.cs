using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Supervision.Contracts;
using Supervision.Envelope;
using Supervision.Tests.Infrastructure;
using Supervision.Envelope.Declarations;
using Supervision.WebFront.Declarations;

namespace Supervision.Tests.Front;

/// <summary>
/// The reference cannot drift from the reader: both are taken from the running front, the document from
/// /openapi/v1.json and the reader's fields from the declarations its endpoints read with.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed partial class DeclaredReferenceTests(SupervisionCluster system)
{
    [Fact]
    public async Task The_document_s_request_fields_are_the_fields_the_reader_reads()
    {
        var document = await DocumentAsync();
        var declared = Routes().Where(route => route.Endpoint.Metadata.GetMetadata<DeclaredRequest>() is not null).ToList();

        // 1.1 to 1.11, with the seed's two misspelt paths.
        Assert.True(declared.Count >= 13, $"only {declared.Count} routes read a declared request");
        Assert.All(declared, route =>
        {
            var request = route.Endpoint.Metadata.GetMetadata<DeclaredRequest>()!;
            var data = DataSchema(document, route.Path, route.Method);
            var properties = data["properties"]!.AsObject().Select(p => p.Key).Order();
            var required = (data["required"]?.AsArray() ?? []).Select(r => (string)r!).Order();

            Assert.Equal(request.Fields.Select(f => f.WireName).Order(), properties);
            Assert.Equal(request.Fields.Where(f => f.Required).Select(f => f.WireName).Order(), required);
        });
    }

    [Fact]
    public async Task Data_shaped_as_the_document_says_is_read_and_each_field_it_calls_required_is_refused_by_name_when_absent()
    {
        var document = await DocumentAsync();
        var declared = Routes().Where(route => route.Endpoint.Metadata.GetMetadata<DeclaredRequest>() is not null).ToList();
        Assert.NotEmpty(declared);
        foreach (var route in declared)
        {
            var type = route.Endpoint.Metadata.GetMetadata<DeclaredRequest>()!.Type;
            var schema = DataSchema(document, route.Path, route.Method);
            var required = (schema["required"]?.AsArray() ?? []).Select(r => (string)r!).ToHashSet();
            var complete = new JsonObject(schema["properties"]!.AsObject().Select(p => KeyValuePair.Create<string, JsonNode?>(p.Key, Sample(p.Value!.AsObject()))));

            Assert.Null(Read(type, complete));
            foreach (var field in complete.Select(p => p.Key).ToList())
            {
                var without = complete.DeepClone().AsObject();
                without.Remove(field);
                var refusal = Read(type, without);
                if (required.Contains(field))
                {
                    Assert.True(refusal is not null, $"{route.Path}: data.{field} is required in the document, the reader read the data without it");
                    Assert.Equal((ReturnCode.MissingField, $"data.{field}: is required"), (refusal.Code, refusal.Message));
                }
                else
                {
                    Assert.True(refusal is null, $"{route.Path}: data.{field} is optional in the document, the reader refused {refusal?.Message}");
                }
            }
        }
    }

    [Fact]
    public async Task Every_code_an_endpoint_declares_is_in_its_operation_and_every_envelope_endpoint_declares_the_envelope_s_codes()
    {
        var document = await DocumentAsync();
        var routes = Routes().ToList();
        Assert.All(routes, route =>
        {
            var description = (string?)document["paths"]![route.Path]![route.Method]!["description"] ?? "";
            Assert.All(DeclaredOperation.Codes(route.Endpoint.Metadata), code => Assert.Contains($"* `{code}` ", description));
        });
        Assert.All(routes.Where(route => route.Endpoint.Metadata.GetMetadata<DeclaredRequest>() is not null), route =>
            Assert.Superset(new HashSet<string>([ReturnCode.MalformedEnvelope, ReturnCode.MissingField, ReturnCode.InvalidField, ReturnCode.InternalError]),
                DeclaredOperation.Codes(route.Endpoint.Metadata).ToHashSet()));
    }

    private IEnumerable<(RouteEndpoint Endpoint, string Path, string Method)> Routes() =>
        system.FrontServices.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api", StringComparison.Ordinal) || raw.StartsWith("/admin", StringComparison.Ordinal)))
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods
                .Select(method => (e, RouteConstraint().Replace(e.RoutePattern.RawText!, "}"), method.ToLowerInvariant())));

    /// <summary>The schema of the envelope's data in the operation's request body, references followed.</summary>
    private static JsonObject DataSchema(JsonObject document, string path, string method)
    {
        var body = Resolve(document, document["paths"]![path]![method]!["requestBody"]!["content"]!["application/json"]!["schema"]!.AsObject());
        var data = Resolve(document, body["properties"]!["data"]!.AsObject());
        return data["items"] is JsonObject items ? Resolve(document, items) : data;
    }

    private static JsonObject Resolve(JsonObject document, JsonObject schema) =>
        schema["$ref"] is { } reference ? document["components"]!["schemas"]![((string)reference!).Split('/')[^1]]!.AsObject() : schema;

    /// <summary>A value the document's schema of a field allows.</summary>
    private static JsonNode Sample(JsonObject field) => field switch
    {
        _ when field["items"] is not null => new JsonArray(),
        _ when field["minimum"] is { } minimum => JsonValue.Create(long.Parse(minimum.ToString(), System.Globalization.CultureInfo.InvariantCulture)),
        _ when (string?)field["format"] == "uri" => "https://example.com/photo.png",
        _ when field["minLength"] is not null => TestIds.IdNumber(),
        _ when field["pattern"] is not null => "A-1_b",
        _ => "text",
    };

    /// <summary>What the endpoint's own reader makes of the data: null when it reads it, else its refusal.</summary>
    private static EnvelopeRejection? Read(Type declared, JsonObject data)
    {
        using var json = JsonDocument.Parse(data.ToJsonString());
        var read = typeof(DeclaredReader<>).MakeGenericType(declared).GetMethod(nameof(DeclaredReader<int>.Read))!;
        try
        {
            read.Invoke(null, [new EnvelopeData(json.RootElement, "data")]);
            return null;
        }
        catch (TargetInvocationException e) when (e.InnerException is EnvelopeRejection rejection)
        {
            return rejection;
        }
    }

    private async Task<JsonObject> DocumentAsync()
    {
        using var response = await system.Http.GetAsync("/openapi/v1.json");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    [GeneratedRegex(@":[^}]*\}")]
    private static partial Regex RouteConstraint();
}
