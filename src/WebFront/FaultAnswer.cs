using Microsoft.AspNetCore.Diagnostics;
using Npgsql;
using Supervision.Contracts;
using Supervision.WebFront.Envelope;

namespace Supervision.WebFront;

/// <summary>
/// What an unexpected fault answers: still an envelope. A cluster or database that cannot be reached is
/// "unavailable" (503, retry later); a query or route value of the wrong type is an invalid field (400, naming
/// the parameter); anything else is an internal error (500).
/// </summary>
public static class FaultAnswer
{
    public static async Task WriteAsync(HttpContext context)
    {
        var fault = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var answer = fault is BadHttpRequestException badRequest
            ? new EnvelopeAnswer(ReturnCode.InvalidField, badRequest.Message, statusCode: StatusCodes.Status400BadRequest)
            : IsUnavailable(fault)
            ? new EnvelopeAnswer(ReturnCode.Unavailable, "service temporarily unavailable; retry later", statusCode: StatusCodes.Status503ServiceUnavailable)
            : new EnvelopeAnswer(ReturnCode.InternalError, "internal error", statusCode: StatusCodes.Status500InternalServerError);
        await answer.ExecuteAsync(context);
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
