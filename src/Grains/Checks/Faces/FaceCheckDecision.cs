namespace Supervision.Grains.Checks.Faces;

/// <summary>How one face-check photo was judged; stored lower-case in check_photos.decision.</summary>
public enum FaceCheckDecision
{
    Same,
    Different,
    NoFaceInProbe,

    /// <summary>The registered student, but the photo is near-identical to an earlier check photo or to the registered photo itself.</summary>
    Replayed,
}
