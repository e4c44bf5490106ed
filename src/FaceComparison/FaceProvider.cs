namespace Supervision.FaceComparison;

public enum FaceProvider
{
    Baidu,
}
