using Supervision.Contracts;
using Supervision.Contracts.Evidence;
using Supervision.WebFront.Envelope;

namespace Supervision.WebFront.Apis;

/// <summary>
/// Every picture the front serves (check photos, registered photos, pop-up codes) goes out here: only as a JPEG or
/// PNG whose type the cluster read from the decoded bytes, never sniffed by the browser (nosniff), never cached (a
/// photo is personal data, a code is one-time), and sandboxed should someone open it on its own.
/// </summary>
public sealed class PhotoAnswer(byte[] image, string contentType) : IResult
{
    /// <summary>How every photo route serves its picture, in the words of the reference.</summary>
    public const string Serving =
        "Served only after its bytes decode as a whole JPEG or PNG, under the type decoded, with `X-Content-Type-Options: nosniff` and `Cache-Control: no-store`.";

    private static readonly HashSet<string> ImageTypes = ["image/jpeg", "image/png"];

    /// <summary>The photo, or the envelope with its failure (HTTP 404) when it cannot be shown.</summary>
    public static IResult From(Outcome<CheckPhotoView> photo) =>
        photo is { Succeeded: true, Data: { } shown } ? Of(shown.Image, shown.ContentType)
        : new EnvelopeAnswer(photo.Code, photo.Message, statusCode: StatusCodes.Status404NotFound);

    /// <summary>A type other than JPEG or PNG is a fault of the caller: answered 500 with the envelope, never served.</summary>
    public static IResult Of(byte[] image, string contentType) =>
        ImageTypes.Contains(contentType) ? new PhotoAnswer(image, contentType) : throw new InvalidOperationException($"{contentType} is not served as a picture");

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.ContentType = contentType;
        response.ContentLength = image.Length;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return response.Body.WriteAsync(image).AsTask();
    }
}
