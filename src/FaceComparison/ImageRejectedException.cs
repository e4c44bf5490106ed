namespace Supervision.FaceComparison;

/// <summary>An input image was refused before any comparison; callers map <see cref="Reason"/> to their own answer codes.</summary>
public sealed class ImageRejectedException(ImageRejectionReason reason, string message) : Exception(message)
{
    public ImageRejectionReason Reason { get; } = reason;
}
