using Microsoft.ML.OnnxRuntime;
using SkiaSharp;

namespace Supervision.FaceComparison;

/// <summary>
/// face-api's 68-point landmark net. As in face-api, the detection box (clipped to the photo) is centred on a black
/// square and scaled to 112×112; the net answers points relative to that square, mapped back here to photo pixels.
/// </summary>
public sealed class FaceLandmarker(SessionOptions sessionOptions) : IDisposable
{
    public const int PointCount = 68;
    private const int InputSize = 112;

    private readonly OnnxNetwork _network = new("face_landmark_68.onnx", InputSize, sessionOptions);

    public SKPoint[] Locate(SKImage image, FaceBox face)
    {
        var box = SKRect.Create(MathF.Floor(face.X), MathF.Floor(face.Y), MathF.Floor(face.Width), MathF.Floor(face.Height));
        box.Intersect(SKRect.Create(image.Width, image.Height));
        if (box.Width < 1 || box.Height < 1)
            return [];

        var side = Math.Max(box.Width, box.Height);
        var square = SKRect.Create(box.Left - (side - box.Width) / 2, box.Top - (side - box.Height) / 2, side, side);
        var scale = InputSize / side;
        var target = SKRect.Create((box.Left - square.Left) * scale, (box.Top - square.Top) * scale, box.Width * scale, box.Height * scale);
        var output = _network.Run(RgbTensor.Render(InputSize, canvas => canvas.DrawImage(image, box, target, RgbTensor.Sampling)));

        var points = new SKPoint[PointCount];
        for (var i = 0; i < PointCount; i++)
            points[i] = new SKPoint(square.Left + output[2 * i] * side, square.Top + output[2 * i + 1] * side);
        return points;
    }

    public void Dispose() => _network.Dispose();
}
