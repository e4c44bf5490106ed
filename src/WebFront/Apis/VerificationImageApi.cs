using Supervision.Contracts.Checks;
using Supervision.WebFront.Envelope;

namespace Supervision.WebFront.Apis;

/// <summary>
/// GET /api/v1/verificationImage/{bizCode}: the pop-up code as a PNG, for players that show a picture. The
/// student's browser fetches it, so it takes no token: the one-time, short-lived bizCode is the credential.
/// </summary>
public static class VerificationImageApi
{
    private const string Path = "/api/v1/verificationImage/";

    public static string UrlFor(HttpRequest request, string bizCode) => $"{request.Scheme}://{request.Host}{Path}{bizCode}";

    public static void MapVerificationImageApi(this IEndpointRouteBuilder routes) =>
        routes.MapGet(Path + "{bizCode}", async (string bizCode, IClusterClient grains) =>
        {
            if (!EnvelopeData.IsCode(bizCode))
            {
                return new EnvelopeAnswer(Contracts.ReturnCode.InvalidField, "bizCode: must be 1–64 letters, digits, '-' or '_'", statusCode: StatusCodes.Status404NotFound);
            }

            var code = await grains.GetGrain<IChallengeGrain>(bizCode).CodeToShow();
            return code.Succeeded
                ? Results.File(VerificationImage.Render(code.Data!), "image/png")
                : new EnvelopeAnswer(code.Code, code.Message, statusCode: StatusCodes.Status404NotFound);
        });
}
