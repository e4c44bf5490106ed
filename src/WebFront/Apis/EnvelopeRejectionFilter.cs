using Supervision.WebFront.Envelope;

namespace Supervision.WebFront.Apis;

/// <summary>Answers an operator request whose body or query a parser refused with the envelope naming the field.</summary>
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
