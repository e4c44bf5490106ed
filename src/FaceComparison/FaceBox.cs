namespace Supervision.FaceComparison;

/// <summary>A detected face in image pixels, with the detector's confidence.</summary>
public readonly record struct FaceBox(float X, float Y, float Width, float Height, float Score);
