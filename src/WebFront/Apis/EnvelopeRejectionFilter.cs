using Supervision.WebFront.Envelope;

namespace Supervision.WebFront.Apis;

/// <summary>
/// Answers an operator request whose body or route value a parser refused with the envelope naming the field. A declared
/// query is refused while it is bound, before any filter runs, and answered the same by FaultAnswer.
/// </summary>
public sealed class EnvelopeRejectionFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (EnvelopeRejection rejection)
        {
            return EnvelopeAnswer.Rejected(rejection);
        }
    }
}
