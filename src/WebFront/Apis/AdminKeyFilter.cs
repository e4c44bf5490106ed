using System.Security.Cryptography;
using System.Text;
using Supervision.Contracts;
using Supervision.WebFront.Envelope;

namespace Supervision.WebFront.Apis;

/// <summary>Lets an operator request through only with the configured X-Admin-Key, compared in constant time.</summary>
public sealed class AdminKeyFilter(FrontOptions options) : IEndpointFilter
{
    public const string Header = "X-Admin-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var given = context.HttpContext.Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(options.AdminKey)
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(options.AdminKey)))
        {
            return new EnvelopeAnswer(ReturnCode.AdminKeyInvalid, $"{Header}: missing or wrong", statusCode: StatusCodes.Status401Unauthorized);
        }

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
