namespace Supervision.FaceComparison;

public enum FaceDecision
{
    Same,
    Different,
    NoFaceInReference,
    NoFaceInProbe,
}
