using Supervision.Contracts;
using Supervision.Contracts.Platforms;
using Supervision.WebFront.Auth;
using Supervision.WebFront.Declarations;
using Supervision.WebFront.Envelope;
using Supervision.WebFront.OpenApi;
using Supervision.WebFront.Requests;
using static Supervision.WebFront.OpenApi.LearningPlatformShapes;

namespace Supervision.WebFront.Apis;

/// <summary>1.1 thlogin: account and password → a token valid two hours. Business platforms log in here too.</summary>
public static class LoginApi
{
    public static void MapLoginApi(this IEndpointRouteBuilder routes) =>
        routes.MapEnvelope<LoginData>(["/api/v1/thlogin"], Access.Anyone, async (call, data) =>
        {
            var login = await call.Grains.GetGrain<IPlatformDirectoryGrain>(0).LogIn(data.StudyPlatformAcount, data.PassWord, call.SourceAddress);
            if (!login.Succeeded)
            {
                return new EnvelopeAnswer(login.Code, login.Message);
            }

            var identity = login.Data!;
            var tokens = call.Services.GetRequiredService<AccessTokens>();
            var (token, _) = await tokens.IssueAsync(identity, call.Aborted);
            return EnvelopeAnswer.Success(new LoginReturnData(token, identity.Code, identity.Name));
        })
            .WithTags(ApiSections.LoginTag)
            .WithSummary("1.1 thlogin: log in, get a token")
            .WithDescription("A platform's account and password (registered by the operator, POST /admin/platforms) give a token valid 2 hours, for "
                + "`headers.userToken`. Business platforms log in here too. After five wrong passwords for one account from one address, that "
                + "address waits before its next try for that account (1 minute, doubling up to an hour; other addresses are not held up); an address may "
                + "try 30 logins a minute.")
            .Answers<LoginReturnData>().AnswersFaults().Fails([.. ApiSections.EnvelopeCodes, ReturnCode.LoginFailed, .. ApiSections.ServiceCodes]);
}
