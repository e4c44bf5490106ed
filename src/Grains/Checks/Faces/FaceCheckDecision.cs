namespace Supervision.Grains.Checks.Faces;

/// <summary>How one face-check photo was judged; stored lower-case in check_photos.decision.</summary>
public enum FaceCheckDecision
{
    Same,
    Different,
    NoFaceInProbe,

    /// <summary>The registered student, but the photo is an earlier check photo or the registered photo itself, as sent or edited: not a live capture.</summary>
    Replayed,
}
