using Supervision.WebFront.OpenApi;

namespace Supervision.WebFront.Declarations;

/// <summary>What an endpoint declares beside its route: the codes it may answer and the shape of its answer.</summary>
public static class EndpointDeclarations
{
    public static TBuilder Fails<TBuilder>(this TBuilder builder, params string[] codes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AnsweredCodes(codes));

    /// <summary>Answers <c>{returnCode, returnMsg}</c> on success.</summary>
    public static EnvelopeRoutes Answers(this EnvelopeRoutes routes) =>
        routes.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(EnvelopeShapes.EnvelopeReply), ["application/json"]));

    /// <summary>Answers <c>{returnCode, returnMsg, returnData}</c>, returnData shaped as <typeparamref name="TReturnData"/>.</summary>
    public static EnvelopeRoutes Answers<TReturnData>(this EnvelopeRoutes routes) =>
        routes.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(EnvelopeShapes.EnvelopeReply<TReturnData>), ["application/json"]));

    /// <summary>The envelope answers of a rate limit (429), an unexpected fault (500) and an unreachable cluster or database (503).</summary>
    public static TBuilder AnswersFaults<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(
            new ProducesResponseTypeMetadata(StatusCodes.Status429TooManyRequests, typeof(EnvelopeShapes.EnvelopeReply), ["application/json"]),
            new ProducesResponseTypeMetadata(StatusCodes.Status500InternalServerError, typeof(EnvelopeShapes.EnvelopeReply), ["application/json"]),
            new ProducesResponseTypeMetadata(StatusCodes.Status503ServiceUnavailable, typeof(EnvelopeShapes.EnvelopeReply), ["application/json"]));
}
