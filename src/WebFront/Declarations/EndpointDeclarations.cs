using Microsoft.AspNetCore.Http.Metadata;
using Supervision.WebFront.OpenApi;

namespace Supervision.WebFront.Declarations;

/// <summary>What an endpoint declares beside its route: the codes it may answer and the shape of its answer.</summary>
public static class EndpointDeclarations
{
    private const string Json = "application/json";

    public static TBuilder Fails<TBuilder>(this TBuilder builder, params string[] codes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AnsweredCodes(codes));

    /// <summary>Answers <c>{returnCode, returnMsg}</c> on success.</summary>
    public static EnvelopeRoutes Answers(this EnvelopeRoutes routes) =>
        routes.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(EnvelopeShapes.EnvelopeReply), [Json]));

    /// <summary>Answers <c>{returnCode, returnMsg, returnData}</c>, returnData shaped as <typeparamref name="TReturnData"/>.</summary>
    public static EnvelopeRoutes Answers<TReturnData>(this EnvelopeRoutes routes) =>
        routes.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(EnvelopeShapes.EnvelopeReply<TReturnData>), [Json]));

    /// <summary>Answers an operator's <c>{returnCode, returnMsg, returnData}</c> on success.</summary>
    public static TBuilder AnswersEnvelope<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(EnvelopeShapes.EnvelopeReply<object>), [Json]));

    /// <summary>Answers a file of <paramref name="contentTypes"/> on success (a picture, a CSV, JSON lines), and the envelope with 404 when there is none to give.</summary>
    public static TBuilder AnswersFile<TBuilder>(this TBuilder builder, Type? body, params string[] contentTypes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(
            new ProducesResponseTypeMetadata(StatusCodes.Status200OK, body, contentTypes),
            new ProducesResponseTypeMetadata(StatusCodes.Status404NotFound, typeof(EnvelopeShapes.EnvelopeReply), [Json]));

    /// <summary>Answers a photo (binary, a JPEG or a PNG as its bytes decode: PhotoAnswer), or the envelope with 404.</summary>
    public static TBuilder AnswersPhoto<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AnswersFile(typeof(Stream), "image/jpeg", "image/png");

    /// <summary>
    /// Reads a JSON body shaped as <typeparamref name="TBody"/> (its reader refuses with the envelope's codes). No content
    /// types here: routing would answer a form body 415 on its own, where the envelope reader answers 1005; the document
    /// still says application/json, its default for a body without declared formats.
    /// </summary>
    public static RouteHandlerBuilder Reads<TBody>(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new AcceptsMetadata([], typeof(TBody)), new AnsweredCodes(ApiSections.EnvelopeCodes));

    /// <summary>The envelope answers of a caller an operator route refuses: no valid session or key (401), a role that may not use it (403).</summary>
    public static TBuilder AnswersRefusals<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(
            new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(EnvelopeShapes.EnvelopeReply), [Json]),
            new ProducesResponseTypeMetadata(StatusCodes.Status403Forbidden, typeof(EnvelopeShapes.EnvelopeReply), [Json]));

    /// <summary>The envelope answers of a rate limit (429), an unexpected fault (500) and an unreachable cluster or database (503).</summary>
    public static TBuilder AnswersFaults<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(
            new ProducesResponseTypeMetadata(StatusCodes.Status429TooManyRequests, typeof(EnvelopeShapes.EnvelopeReply), [Json]),
            new ProducesResponseTypeMetadata(StatusCodes.Status500InternalServerError, typeof(EnvelopeShapes.EnvelopeReply), [Json]),
            new ProducesResponseTypeMetadata(StatusCodes.Status503ServiceUnavailable, typeof(EnvelopeShapes.EnvelopeReply), [Json]));
}
