using Supervision.Contracts;
using Supervision.Contracts.Operators;
using Supervision.WebFront.Auth;
using Supervision.WebFront.Envelope;

namespace Supervision.WebFront.Apis;

/// <summary>
/// POST /admin/login: an account and password give a signed session. A wrong password also counts against the
/// address's limit on wrong operator credentials (<see cref="AdminKeyGuessLimit"/>), beside the directory's limits
/// per account; a locked account answers 429 with 1107, any other refusal 401.
/// </summary>
public sealed class OperatorLogin(EnvelopeReader reader, IClusterClient grains, OperatorSessions sessions, AdminKeyGuessLimit guesses)
{
    public async Task<EnvelopeAnswer> AnswerAsync(HttpRequest request)
    {
        using var body = await reader.ReadObjectAsync(request);
        var data = new EnvelopeData(body.RootElement);
        var address = SourceAddress.Of(request.HttpContext);
        var login = await grains.GetGrain<IOperatorDirectoryGrain>(0).LogIn(data.Text("account", 128), data.Text("password", 256), address);
        if (login is not { Succeeded: true, Data: { } session })
        {
            if (login.Code == ReturnCode.LoginFailed)
            {
                guesses.CountWrongKey(address);
            }

            var status = login.Code == ReturnCode.TooManyRequests ? StatusCodes.Status429TooManyRequests : StatusCodes.Status401Unauthorized;
            return new EnvelopeAnswer(login.Code, login.Message, statusCode: status);
        }

        var (token, expiresAt) = await sessions.IssueAsync(session, request.HttpContext.RequestAborted);
        return EnvelopeAnswer.Success(new { token, expiresAt, account = session.Account, role = OperatorRoleNames.Of(session.Role) });
    }
}
