using Microsoft.AspNetCore.Diagnostics;
using Npgsql;
using Supervision.Contracts;
using Supervision.Envelope;
using Supervision.WebFront.Envelope;

namespace Supervision.WebFront;

/// <summary>
/// What an unexpected fault answers: still an envelope. A cluster or database that cannot be reached is
/// "unavailable" (503, retry later); a write a newer activation of its grain overtook is a stale write (503, send it
/// again: the grain reloads); a request ASP.NET Core cannot bind is an invalid field (400); a declared query a value of
/// which its declaration refuses (Declarations.IQueryDeclaration, read while binding, before any endpoint filter) is
/// answered as the handler would have answered it; anything else is an internal error (500).
/// </summary>
public static class FaultAnswer
{
    /// <summary>
    /// A malformed request is the caller's fault, not ours: it is answered, not logged at Error, and neither the answer
    /// nor a log line repeats it (ASP.NET Core's message quotes the raw value, which may be anything a stranger typed).
    /// </summary>
    public static ExceptionHandlerOptions Options => new()
    {
        ExceptionHandler = WriteAsync,
        SuppressDiagnosticsCallback = handled => handled.Exception is BadHttpRequestException or EnvelopeRejection,
    };

    public static async Task WriteAsync(HttpContext context)
    {
        var fault = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var answer = fault is EnvelopeRejection rejection
            ? EnvelopeAnswer.Rejected(rejection)
            : fault is BadHttpRequestException
            ? new EnvelopeAnswer(ReturnCode.InvalidField, "the request is malformed: a query or route value of the wrong form", statusCode: StatusCodes.Status400BadRequest)
            : Find<VersionConflictException>(fault) is not null
            ? new EnvelopeAnswer(ReturnCode.StaleWrite, "stale write refused: the record was changed meanwhile; nothing was recorded, send the same request again", statusCode: StatusCodes.Status503ServiceUnavailable)
            : IsUnavailable(fault)
            ? new EnvelopeAnswer(ReturnCode.Unavailable, "service temporarily unavailable; retry later", statusCode: StatusCodes.Status503ServiceUnavailable)
            : new EnvelopeAnswer(ReturnCode.InternalError, "internal error", statusCode: StatusCodes.Status500InternalServerError);
        await answer.ExecuteAsync(context);
    }

    private static T? Find<T>(Exception? fault) where T : Exception
    {
        for (var e = fault; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static bool IsUnavailable(Exception? fault)
    {
        for (var e = fault; e is not null; e = e.InnerException)
        {
            if (e is StorageUnavailableException or TimeoutException or NpgsqlException or SiloUnavailableException
                or OrleansMessageRejectionException or System.Net.Sockets.SocketException)
            {
                return true;
            }
        }

        return false;
    }
}
