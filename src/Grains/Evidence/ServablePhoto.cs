using Supervision.Contracts;
using Supervision.Contracts.Evidence;
using Supervision.FaceComparison;

namespace Supervision.Grains.Evidence;

/// <summary>
/// A stored or fetched photo on its way to the operator's browser: served only if its bytes decode as a JPEG or PNG,
/// under the type the decoder found. A row that holds anything else (written before the checks, or by hand) is refused.
/// </summary>
public static class ServablePhoto
{
    public static Outcome<CheckPhotoView> Of(long id, byte[] bytes, string refusalCode, string field)
    {
        try
        {
            return Outcome<CheckPhotoView>.Ok(new CheckPhotoView(id, bytes, ImageMediaType.Of(bytes)));
        }
        catch (ImageRejectedException e)
        {
            return Outcome.Fail(refusalCode, $"{field}: not served, the bytes are not an acceptable image ({e.Message})");
        }
    }
}
