using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Supervision.Contracts.Operators;
using Supervision.WebFront.Apis;
using Supervision.WebFront.OpenApi;

namespace Supervision.WebFront.Declarations;

/// <summary>Writes into an operation's description what its endpoint declares: that it is the seed's alias of a path, the operator role it requires, and the failure codes it may answer.</summary>
public sealed class DeclaredOperation : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<SeedAlias>().LastOrDefault() is { } alias)
        {
            operation.Summary += " (alias)";
            operation.Description += $"\n\nThe seed's misspelt path, served exactly as `{alias.Path}`.";
        }

        if (metadata.OfType<OperatorRouteRole>().LastOrDefault() is { } role)
        {
            operation.Description += $"\n\n{Role(role)}";
        }

        var codes = Codes(metadata);
        if (codes.Count > 0)
        {
            operation.Description += $"\n\n**returnCode** on failure:\n\n{FailureCodes.List(codes)}";
        }

        return Task.CompletedTask;
    }

    /// <summary>The role an operator route requires, in the words the document gives it: from the route's own <see cref="OperatorRouteRole"/>, which OperatorCheck enforces.</summary>
    public static string Role(OperatorRouteRole role) => role switch
    {
        { Anonymous: true } => "**Role**: none (this is how an operator's session is had).",
        { Bootstrap: true } => "**Role**: administrator, or the shared admin key while no administrator exists.",
        _ => $"**Role**: {role.Role.ToString().ToLowerInvariant()}{(role.Role == OperatorRole.Administrator ? "" : " or above")}.",
    };

    /// <summary>Every code an endpoint declares (its group's, its own, and those its declared query parameters refuse with), once each, in the order of the table.</summary>
    public static IReadOnlyList<string> Codes(IEnumerable<object> metadata) =>
        metadata.OfType<AnsweredCodes>().SelectMany(declared => declared.Codes)
            .Concat(DeclaredQueryParameters.Of(metadata).SelectMany(parameter => parameter.Field.Codes))
            .Distinct().Order(StringComparer.Ordinal).ToList();
}
