namespace Supervision.Grains.Checks.Faces;

/// <summary>The student's registered photo cannot be compared with: none registered, unreachable, not an image, or no face in it.</summary>
public sealed class ReferencePhotoException(string reason, Exception? inner = null) : Exception(reason, inner);
