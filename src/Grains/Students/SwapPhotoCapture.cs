using System.Security.Cryptography;
using Supervision.Contracts.Evidence.Details;
using Supervision.FaceComparison;
using Supervision.Grains.Checks.Faces;
using Supervision.Grains.Evidence;
using Supervision.Grains.Fetching;

namespace Supervision.Grains.Students;

/// <summary>
/// Keeps a swap's two registered photos as the server sees them when it records the swap, so that the evidence does not
/// depend on what the platform's addresses serve later. A photo is taken through the face check's own
/// <see cref="ReferencePhotoCache"/> (the bytes the checks compared against within the hour, else fetched now under the
/// fetch rule) and kept, with its digest in the anomaly, only if it decodes as a whole JPEG or PNG.
/// </summary>
public sealed class SwapPhotoCapture(ReferencePhotoCache photos, KeptPhotos kept)
{
    /// <summary>The photo at <paramref name="url"/> as the anomaly names it, and its bytes' row for the same commit (none when not kept).</summary>
    public async Task<(SwapPhoto Photo, LedgerRows? Row)> TakeAsync(string url, DateTimeOffset at)
    {
        byte[] image;
        try
        {
            image = await photos.GetAsync(url, CancellationToken.None);
            ImageMediaType.Of(image);
        }
        catch (PhotoFetchException e)
        {
            return (SwapPhoto.Refused(SwapPhoto.NotFetched, e.Message), null);
        }
        catch (ImageRejectedException e)
        {
            return (SwapPhoto.Refused(SwapPhoto.NotAnImage, e.Message), null);
        }

        var digest = SHA256.HashData(image);
        return (SwapPhoto.Kept(digest), kept.Row(new KeptPhoto(digest, at, image)));
    }
}
