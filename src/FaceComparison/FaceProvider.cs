namespace Supervision.FaceComparison;

public enum FaceProvider
{
    /// <summary>In-process ONNX models; needs no network and is the default.</summary>
    Local,
    Baidu,
}
