namespace Supervision.FaceComparison;

/// <summary>
/// Whether a check photo is another photo edited (turned, mirrored, cropped, scaled, shifted, blurred, re-exposed,
/// re-encoded): their <see cref="FacePrint"/>s are at least so alike. Two bounds, because the two kinds of photo differ
/// in how alike a real new capture can be: the registered photo was taken at another sitting, while an earlier check
/// photo may be of the same sitting, where a learner who sits still is nearly the same picture minutes later.
/// Calibrated on real captures and edited copies (docs/face.md "Edited copies").
/// </summary>
public sealed class EditedCopyCheck(double minLikenessToRegistered, double minLikenessToEarlier)
{
    public double MinLikenessToRegistered { get; } = minLikenessToRegistered;

    public double MinLikenessToEarlier { get; } = minLikenessToEarlier;

    public bool IsCopyOfRegistered(double likeness) => likeness >= MinLikenessToRegistered;

    public bool IsCopyOfEarlier(double likeness) => likeness >= MinLikenessToEarlier;
}
