using System.Text.Json;
using Supervision.Contracts;
using Supervision.Contracts.Platforms;
using Microsoft.AspNetCore.Http.Metadata;
using Supervision.WebFront.Auth;
using Supervision.Envelope.Declarations;
using Supervision.WebFront.Declarations;
using Supervision.WebFront.OpenApi;

namespace Supervision.WebFront.Envelope;

/// <summary>
/// The one pipeline every envelope endpoint goes through: read the body, check the token and role,
/// check that <c>data.studyPlatformCode</c> is the caller's own, run the handler, write the envelope.
/// </summary>
public static class EnvelopeEndpoints
{
    /// <summary>
    /// An endpoint whose data is the declared request <typeparamref name="TData"/>: read by the reader compiled from
    /// its declaration (at startup, so a wrong declaration stops the front) and described by the same declaration.
    /// </summary>
    public static EnvelopeRoutes MapEnvelope<TData>(this IEndpointRouteBuilder routes, string[] paths, Access access, Func<EnvelopeCall, TData, Task<IResult>> handler) =>
        routes.MapEnvelope(paths, access, call => handler(call, DeclaredReader<TData>.Read(call.Data)))
            .WithMetadata(new DeclaredRequest(typeof(TData), DeclaredReader<TData>.Fields), new AcceptsMetadata([], typeof(EnvelopeShapes.EnvelopeRequest<TData>)));

    /// <summary>An endpoint whose data is an array of at most <paramref name="maxCount"/> declared <typeparamref name="TData"/>.</summary>
    public static EnvelopeRoutes MapEnvelopeList<TData>(
        this IEndpointRouteBuilder routes, string[] paths, Access access, int maxCount, Func<EnvelopeCall, List<TData>, Task<IResult>> handler) =>
        routes.MapEnvelope(paths, access, call => handler(call, call.DataArray(maxCount).Select(DeclaredReader<TData>.Read).ToList())).ReadsEach<TData>();

    /// <summary>
    /// The endpoint's data is an array whose each element its handler reads as the declared <typeparamref name="TData"/>
    /// (through a parser that calls <see cref="DeclaredReader{T}"/>, as 1.13's, which 1.14's pages share): the document describes it so.
    /// </summary>
    public static EnvelopeRoutes ReadsEach<TData>(this EnvelopeRoutes routes) =>
        routes.WithMetadata(new DeclaredRequest(typeof(TData), DeclaredReader<TData>.Fields), new AcceptsMetadata([], typeof(EnvelopeShapes.EnvelopeRequest<List<TData>>)));

    /// <summary>An endpoint served under <paramref name="paths"/>: its path, then the seed's misspellings of it.</summary>
    public static EnvelopeRoutes MapEnvelope(this IEndpointRouteBuilder routes, string[] paths, Access access, Func<EnvelopeCall, Task<IResult>> handler) =>
        new(paths.Select((path, i) =>
        {
            var route = routes.MapPost(path, (HttpContext context, EnvelopeReader reader, AccessTokens tokens) =>
                HandleAsync(context, reader, tokens, access, handler));
            return i == 0 ? route : route.WithMetadata(new SeedAlias(paths[0]));
        }).ToList());

    private static async Task<IResult> HandleAsync(
        HttpContext context, EnvelopeReader reader, AccessTokens tokens, Access access, Func<EnvelopeCall, Task<IResult>> handler)
    {
        var body = default(EnvelopeBody);
        try
        {
            body = await reader.ReadAsync(context.Request);
            PlatformIdentity? caller = null;
            if (access != Access.Anyone)
            {
                var check = await tokens.CheckAsync(body.Headers.UserToken, context.RequestAborted);
                caller = check.Caller ?? throw new EnvelopeRejection(check.Code, TokenMessage(check.Code));
                CheckRole(caller, access);
                CheckOwnPlatform(caller, body.Data);
            }

            return await handler(new EnvelopeCall(body.Headers, body.Data, caller, context));
        }
        catch (EnvelopeRejection rejection)
        {
            return EnvelopeAnswer.Rejected(rejection);
        }
        finally
        {
            body.Dispose();
        }
    }

    private static void CheckRole(PlatformIdentity caller, Access access)
    {
        var required = access == Access.LearningPlatform ? PlatformRole.Learning : PlatformRole.Business;
        if (caller.Role != required)
        {
            throw new EnvelopeRejection(ReturnCode.WrongRole, $"userToken: this endpoint is for {required.ToString().ToLowerInvariant()} platforms");
        }
    }

    private static void CheckOwnPlatform(PlatformIdentity caller, JsonElement data)
    {
        if (data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty("studyPlatformCode", out var code)
            && code.ValueKind is JsonValueKind.String or JsonValueKind.Number
            && (code.ValueKind == JsonValueKind.Number ? code.GetRawText() : code.GetString()!.Trim()) != caller.Code)
        {
            throw new EnvelopeRejection(ReturnCode.ForeignPlatform, "studyPlatformCode: is not the code of the platform this token belongs to");
        }
    }

    private static string TokenMessage(string code) => code switch
    {
        ReturnCode.TokenMissing => "userToken: is required (log in through /api/v1/thlogin)",
        ReturnCode.TokenExpired => "userToken: has expired; log in again",
        ReturnCode.TokenRevoked => "userToken: was issued before this platform's password or registration changed; log in again",
        _ => "userToken: is not a token this platform issued",
    };
}
