using Supervision.Contracts;
using Supervision.Contracts.Platforms;
using Supervision.WebFront.Auth;
using Supervision.WebFront.Envelope;

namespace Supervision.WebFront.Apis;

/// <summary>1.1 thlogin: account and password → a token valid two hours. Business platforms log in here too.</summary>
public static class LoginApi
{
    public static void MapLoginApi(this IEndpointRouteBuilder routes) =>
        routes.MapEnvelope(["/api/v1/thlogin"], Access.Anyone, async call =>
        {
            var account = call.Data.Text("studyPlatformAcount", 128, "studyPlatformAccount");
            var password = call.Data.Text("passWord", 256, "password");
            var login = await call.Grains.GetGrain<IPlatformDirectoryGrain>(0).LogIn(account, password, call.SourceAddress);
            if (!login.Succeeded)
            {
                return new EnvelopeAnswer(login.Code, login.Message);
            }

            var identity = login.Data!;
            var tokens = call.Services.GetRequiredService<AccessTokens>();
            var (token, _) = await tokens.IssueAsync(identity, call.Aborted);
            return EnvelopeAnswer.Success(new { acceptToken = token, studyPlatformCode = identity.Code, studyPlatformName = identity.Name });
        });
}
