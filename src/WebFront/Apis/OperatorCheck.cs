using System.Security.Cryptography;
using System.Text;
using Supervision.Contracts;
using Supervision.Contracts.Operators;
using Supervision.WebFront.Auth;
using Supervision.WebFront.Envelope;

namespace Supervision.WebFront.Apis;

/// <summary>
/// Lets a request under /admin through only with a role its route allows (<see cref="OperatorRouteRole"/>): an
/// operator's session (Authorization: Bearer, from POST /admin/login), or the shared admin key (X-Admin-Key) while it is
/// a bootstrap — it may create the first administrator, and is refused once one exists unless the configuration keeps
/// it (<see cref="FrontOptions.KeepAdminKey"/>). An address that presented too many wrong keys or passwords
/// is refused (429, 1107). It is a middleware, not an endpoint filter, because endpoint filters run after the handler's
/// parameters are bound: a stranger's query values must not be parsed (nor fail, nor be logged) before the caller is known.
/// </summary>
public sealed class OperatorCheck(RequestDelegate next, FrontOptions options, AdminKeyGuessLimit guesses, OperatorSessions sessions, IClusterClient grains)
{
    public const string KeyHeader = "X-Admin-Key";
    private const string Bearer = "Bearer ";
    public static readonly PathString Prefix = "/admin";

    /// <summary>Every request passes here: one outside /admin goes on as it is, without this check's state machine.</summary>
    public Task InvokeAsync(HttpContext context) =>
        context.Request.Path.StartsWithSegments(Prefix) ? CheckAsync(context) : next(context);

    private async Task CheckAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        var route = endpoint?.Metadata.GetMetadata<OperatorRouteRole>();
        var address = SourceAddress.Of(context);
        if (!guesses.MayTry(address))
        {
            await Refuse(context, ReturnCode.TooManyRequests, "too many wrong passwords or keys from this address; try again in a minute", StatusCodes.Status429TooManyRequests);
            return;
        }

        if (route is { Anonymous: true })
        {
            await next(context);
            return;
        }

        var (caller, code, message) = await IdentifyAsync(context, address);
        if (caller is null)
        {
            await Refuse(context, code!, message!, StatusCodes.Status401Unauthorized);
            return;
        }

        if (Refusal(caller, route, mapped: endpoint is not null) is { } refusal)
        {
            await Refuse(context, refusal.Code, refusal.Message, StatusCodes.Status403Forbidden);
            return;
        }

        context.Features.Set(caller);
        await next(context);
    }

    private async Task<(SignedInOperator? Caller, string? Code, string? Message)> IdentifyAsync(HttpContext context, string address)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            if (await sessions.CheckAsync(authorization[Bearer.Length..].Trim(), context.RequestAborted) is { } session)
            {
                return (new SignedInOperator(session.Account, session.Role, ByAdminKey: false), null, null);
            }

            return (null, ReturnCode.OperatorSessionInvalid, "Authorization: the session is invalid, expired or ended by a change of its account; log in again (POST /admin/login)");
        }

        var key = context.Request.Headers[KeyHeader].ToString();
        if (key.Length == 0)
        {
            return (null, ReturnCode.OperatorSessionInvalid, "Authorization: log in (POST /admin/login) and send the session as \"Bearer <token>\"");
        }

        if (!IsTheKey(key))
        {
            guesses.CountWrongKey(address);
            return (null, ReturnCode.AdminKeyInvalid, $"{KeyHeader}: missing or wrong");
        }

        if (options.KeepAdminKey)
        {
            return (new SignedInOperator(SignedInOperator.AdminKeyName, OperatorRole.Administrator, ByAdminKey: true), null, null);
        }

        return await grains.GetGrain<IOperatorDirectoryGrain>(0).AdministratorExists()
            ? (null, ReturnCode.AdminKeyBootstrapOnly, $"{KeyHeader}: an administrator account exists, so the shared key is retired; log in with an account (POST /admin/login)")
            : (new SignedInOperator(SignedInOperator.AdminKeyName, null, ByAdminKey: true), null, null);
    }

    /// <summary>
    /// Why the caller may not use the route, or null when it may. A mapped route that names no role is closed to
    /// everyone; a path that maps to nothing is left to answer 404, to the signed-in only.
    /// </summary>
    private static (string Code, string Message)? Refusal(SignedInOperator caller, OperatorRouteRole? route, bool mapped)
    {
        if (caller.Role is null)
        {
            return route is { Bootstrap: true }
                ? null
                : (ReturnCode.AdminKeyBootstrapOnly, $"{KeyHeader}: the shared key only creates the first administrator (POST /admin/operators); log in with that account for everything else");
        }

        if (route is null)
        {
            return mapped ? (ReturnCode.OperatorRoleRefused, "role: this route names no role, so no one may use it") : null;
        }

        return caller.Role >= route.Role
            ? null
            : (ReturnCode.OperatorRoleRefused, $"role: this needs a {OperatorRoleNames.Of(route.Role)}; {caller.Account} is a {OperatorRoleNames.Of(caller.Role.Value)}");
    }

    private static Task Refuse(HttpContext context, string code, string message, int status) =>
        new EnvelopeAnswer(code, message, statusCode: status).ExecuteAsync(context);

    private bool IsTheKey(string given) =>
        !string.IsNullOrEmpty(options.AdminKey)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(options.AdminKey));
}
