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
            var identity = await LogInAsync(call.Grains, account, password);
            if (identity is null)
            {
                return new EnvelopeAnswer(ReturnCode.LoginFailed, "studyPlatformAcount/passWord: account unknown or password wrong");
            }

            var tokens = call.Services.GetRequiredService<AccessTokens>();
            var (token, _) = await tokens.IssueAsync(identity, call.Aborted);
            return EnvelopeAnswer.Success(new { acceptToken = token, studyPlatformCode = identity.Code, studyPlatformName = identity.Name });
        });

    private static async Task<PlatformIdentity?> LogInAsync(IGrainFactory grains, string account, string password)
    {
        var code = await grains.GetGrain<IPlatformDirectoryGrain>(0).FindByAccount(account);
        return code is null ? null : await grains.GetGrain<IPlatformGrain>(code).VerifyPassword(password);
    }
}
