using System.Security.Cryptography;
using System.Text;
using Supervision.Contracts;
using Supervision.WebFront.Envelope;

namespace Supervision.WebFront.Apis;

/// <summary>
/// Lets a request under /admin through only with the configured X-Admin-Key, compared in constant time, and refuses
/// an address that presented too many wrong ones (429, 1107). It is a middleware, not an endpoint filter, because
/// endpoint filters run after the handler's parameters are bound: a stranger's query values must not be parsed (nor
/// fail, nor be logged) before the key is known to be right.
/// </summary>
public sealed class AdminKeyCheck(RequestDelegate next, FrontOptions options, AdminKeyGuessLimit guesses)
{
    public const string Header = "X-Admin-Key";
    public static readonly PathString Prefix = "/admin";

    public Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(Prefix))
        {
            return next(context);
        }

        var address = SourceAddress.Of(context);
        if (!guesses.MayTry(address))
        {
            return new EnvelopeAnswer(ReturnCode.TooManyRequests, $"{Header}: too many wrong keys from this address; try again in a minute",
                statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context);
        }

        var given = context.Request.Headers[Header].ToString();
        if (IsTheKey(given))
        {
            return next(context);
        }

        // A missing key guesses nothing (a console before its operator logs in); only a wrong one is counted.
        if (given.Length > 0)
        {
            guesses.CountWrongKey(address);
        }

        return new EnvelopeAnswer(ReturnCode.AdminKeyInvalid, $"{Header}: missing or wrong", statusCode: StatusCodes.Status401Unauthorized)
            .ExecuteAsync(context);
    }

    private bool IsTheKey(string given) =>
        !string.IsNullOrEmpty(options.AdminKey)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(options.AdminKey));
}
