using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Supervision.Contracts;
using Supervision.Envelope;
using Supervision.Grains.Delivery;
using Supervision.Tests.Infrastructure;
using Supervision.WebFront.Apis;
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

        // 1.1 to 1.11 with the seed's two misspelt paths, 1.13, and 2.1 to 2.5.
        Assert.True(declared.Count >= 19, $"only {declared.Count} routes read a declared request");
        Assert.All(declared, route =>
        {
            var request = route.Endpoint.Metadata.GetMetadata<DeclaredRequest>()!;
            var data = DataSchema(document, route.Path, route.Method);
            var properties = data["properties"]!.AsObject().Select(p => p.Key).Order();
            var required = (data["required"]?.AsArray() ?? []).Select(r => (string)r!).Order();

            var onTheWire = request.Fields.SelectMany(f => f.OnTheWire).ToList();
            Assert.Equal(onTheWire.Select(f => f.WireName).Order(), properties);
            Assert.Equal(onTheWire.Where(f => f.Required).Select(f => f.WireName).Order(), required);
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
            var complete = Complete(schema);

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

    [Fact]
    public async Task Every_operator_route_s_operation_names_the_role_its_route_requires()
    {
        var document = await DocumentAsync();
        var admin = Routes().Where(route => route.Path.StartsWith("/admin", StringComparison.Ordinal)).ToList();
        Assert.True(admin.Count >= 30, $"only {admin.Count} operator routes");
        Assert.All(admin, route =>
        {
            var role = route.Endpoint.Metadata.GetMetadata<OperatorRouteRole>();
            Assert.True(role is not null, $"{route.Method} {route.Path} requires no role");
            var description = (string?)document["paths"]![route.Path]![route.Method]!["description"] ?? "";
            Assert.Contains(DeclaredOperation.Role(role), description);
        });
        Assert.Contains("**Role**: administrator.", (string?)document["paths"]!["/admin/classes/{classCode}/policy"]!["put"]!["description"]);
        Assert.Contains("**Role**: viewer or above.", (string?)document["paths"]!["/admin/anomalies"]!["get"]!["description"]);
    }

    [Fact]
    public async Task A_pulled_1_14_page_s_packages_are_read_as_the_document_describes_1_13_s_pushed_ones()
    {
        var document = await DocumentAsync();
        var package = DataSchema(document, "/api/v1/thirdCoursePush", "post");
        var chapter = Resolve(document, package["properties"]!["chapterList"]!["items"]!.AsObject());
        var complete = Complete(package);
        complete["chapterList"] = new JsonArray(Complete(chapter));
        Assert.Single(Page(complete).Packages);

        foreach (var (schema, at, parent) in new[] { (package, "answer.data[0]", (Func<JsonObject, JsonObject>)(p => p)), (chapter, "answer.data[0].chapterList[0]", p => p["chapterList"]![0]!.AsObject()) })
        {
            var required = (schema["required"]?.AsArray() ?? []).Select(r => (string)r!).ToHashSet();
            Assert.NotEmpty(required);
            foreach (var field in schema["properties"]!.AsObject().Select(p => p.Key))
            {
                var without = complete.DeepClone().AsObject();
                parent(without).Remove(field);
                var refusal = Record.Exception(() => Page(without));
                if (required.Contains(field))
                {
                    Assert.True(refusal is DeliveryFailure, $"{at}.{field} is required in 1.13's document, a 1.14 page without it was read");
                    Assert.Equal($"{at}.{field}: is required", refusal.Message);
                }
                else
                {
                    Assert.True(refusal is null, $"{at}.{field} is optional in 1.13's document, a 1.14 page without it was refused: {refusal?.Message}");
                }
            }
        }
    }

    [Fact]
    public async Task The_2_4_document_lists_1_12_s_policy_beside_the_class_and_the_trigger_beside_videoOnHookDetail_where_the_reader_reads_them()
    {
        var document = await DocumentAsync();
        var data = DataSchema(document, "/api/class/v1/pushClassInfo", "post");
        var properties = data["properties"]!.AsObject();
        Assert.Null(properties["policy"]);
        Assert.All(["realNameAuthentication", "studyHourLimit", "videoOnHook", "videoOnHookDetail", "triggerType", "triggervValue", "videoStartFace"],
            field => Assert.NotNull(properties[field]));
        Assert.Contains("triggerValue", (string?)properties["triggervValue"]!["description"]);

        var policy = Resolve(document, document["paths"]!["/admin/classes/{classCode}/policy"]!["put"]!["requestBody"]!["content"]!["application/json"]!["schema"]!.AsObject());
        Assert.Equal(["faceTimeLimit", "realNameAuthentication", "studyHourLimit", "triggerType", "triggervValue", "videoOnHook", "videoOnHookDetail", "videoPlayRecord", "videoStartFace"],
            policy["properties"]!.AsObject().Select(p => p.Key).Order());
    }

    private static CataloguePage Page(JsonObject package)
    {
        using var answer = JsonDocument.Parse(new JsonObject { ["returnCode"] = "0", ["totalPage"] = 1, ["data"] = new JsonArray(package.DeepClone()) }.ToJsonString());
        return CataloguePageReader.Read(answer.RootElement, 1);
    }

    /// <summary>An object with every field the schema lists, each a value the schema allows.</summary>
    private static JsonObject Complete(JsonObject schema) =>
        new(schema["properties"]!.AsObject().Select(p => KeyValuePair.Create<string, JsonNode?>(p.Key, Sample(p.Value!.AsObject()))));

    private IEnumerable<(RouteEndpoint Endpoint, string Path, string Method)> Routes() =>
        MappedRoutes.Of(system, pattern => pattern.StartsWith("/api", StringComparison.Ordinal) || pattern.StartsWith("/admin", StringComparison.Ordinal));

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
        _ when field["type"]?.ToJsonString().Contains("boolean", StringComparison.Ordinal) is true => true,
        _ when field["properties"] is not null || field.ToJsonString().Contains("\"$ref\"", StringComparison.Ordinal) => new JsonObject(),
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

    private Task<JsonObject> DocumentAsync() => MappedRoutes.DocumentAsync(system);
}
