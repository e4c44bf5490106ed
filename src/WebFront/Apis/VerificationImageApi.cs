using Supervision.Contracts;
using Supervision.Contracts.Checks;
using Supervision.Database;
using Supervision.WebFront.Declarations;
using Supervision.WebFront.Envelope;
using Supervision.WebFront.OpenApi;

namespace Supervision.WebFront.Apis;

/// <summary>
/// GET /api/v1/verificationImage/{bizCode}: the pop-up code as a PNG, for players that show a picture. The
/// student's browser fetches it, so it takes no token: the one-time, short-lived bizCode is the credential.
/// A code the cluster did not sign is refused here, so a stranger's guesses never reach a grain.
/// </summary>
public static class VerificationImageApi
{
    private const string Path = "/api/v1/verificationImage/";

    public static string UrlFor(HttpRequest request, string bizCode) => $"{request.Scheme}://{request.Host}{Path}{bizCode}";

    public static void MapVerificationImageApi(this IEndpointRouteBuilder routes) =>
        routes.MapGet(Path + "{bizCode}", async (string bizCode, BizCodeKey key, IClusterClient grains, CancellationToken aborted) =>
        {
            if (!BizCode.HasShape(bizCode) || !BizCode.IsSigned(bizCode, await key.GetAsync(aborted)))
            {
                return new EnvelopeAnswer(ReturnCode.BizCodeUnknown, "bizCode: never issued; ask for a check through 1.7", statusCode: StatusCodes.Status404NotFound);
            }

            var code = await grains.GetGrain<IChallengeGrain>(bizCode).CodeToShow();
            return code.Succeeded
                ? PhotoAnswer.Of(VerificationImage.Render(code.Data!), "image/png")
                : new EnvelopeAnswer(code.Code, code.Message, statusCode: StatusCodes.Status404NotFound);
        })
            .WithTags(ApiSections.LearningTag)
            .WithSummary("1.7's pop-up code as a picture")
            .WithDescription("The `verificationImageUrl` of 1.7's answer: a PNG of the code for players that show a picture. The student's browser fetches it "
                + "without a token while the check is pending; afterwards it answers 404 with the envelope. A bizCode the server did not issue "
                + "(bizCodes are signed) answers 404 and 1401 without reaching the cluster. Sent with `X-Content-Type-Options: nosniff` and "
                + "`Cache-Control: no-store` (a one-time code).")
            .AnswersFile(typeof(Stream), "image/png").AnswersFaults()
            .Fails([ReturnCode.BizCodeUnknown, ReturnCode.BizCodeExpired, ReturnCode.BizCodeUsed, .. ApiSections.ServiceCodes]);
}
