namespace Supervision.FaceComparison;

public enum ImageRejectionReason
{
    Empty,
    NotBase64,
    TooManyBytes,
    NotAnImage,
    UnsupportedFormat,
    TooLarge,
}
