using Microsoft.ML.OnnxRuntime;
using SkiaSharp;

namespace Supervision.FaceComparison;

/// <summary>
/// face-api's tiny face detector: the photo is scaled to fit a 416×416 black square,
/// the network predicts 5 anchor boxes in each cell of a 13×13 grid, and the most confident box is the face.
/// </summary>
public sealed class TinyFaceDetector(SessionOptions sessionOptions) : IDisposable
{
    private const int InputSize = 416;
    private const int Anchors = 5;
    private const int ValuesPerAnchor = 5;

    // Anchor widths and heights in grid cells, from face-api's tiny face detector.
    private static readonly (float Width, float Height)[] AnchorSizes =
    [
        (1.603231f, 2.094468f),
        (6.041143f, 7.080126f),
        (2.882459f, 3.518061f),
        (4.266906f, 5.178857f),
        (9.041765f, 10.66308f),
    ];

    private readonly OnnxNetwork _network = new("tiny_face_detector.onnx", InputSize, sessionOptions);

    // Fractions of the input square the photo's long side fills, tried in turn. The detector misses faces that
    // fill most of the frame (a close selfie, a tightly cropped ID photo); shrunk onto a wider black border they are found.
    private static readonly float[] Fills = [1f, 0.6f];

    /// <summary>The most confident face at or above <paramref name="minScore"/>, or null.</summary>
    public FaceBox? Detect(SKImage image, double minScore)
    {
        foreach (var fill in Fills)
        {
            if (Detect(image, minScore, fill) is { } face)
                return face;
        }

        return null;
    }

    private FaceBox? Detect(SKImage image, double minScore, float fill)
    {
        var scale = InputSize * fill / Math.Max(image.Width, image.Height);
        var offset = InputSize * (1 - fill) / 2;
        var input = RgbTensor.Render(InputSize, canvas =>
            canvas.DrawImage(image, SKRect.Create(offset, offset, image.Width * scale, image.Height * scale), RgbTensor.Sampling));
        var grid = _network.Run(input);

        var cells = (int)Math.Round(Math.Sqrt(grid.Length / (Anchors * ValuesPerAnchor)));
        var plane = cells * cells;
        FaceBox? best = null;
        for (var anchor = 0; anchor < Anchors; anchor++)
        {
            var channel = anchor * ValuesPerAnchor;
            for (var row = 0; row < cells; row++)
            {
                for (var col = 0; col < cells; col++)
                {
                    var at = row * cells + col;
                    var score = Sigmoid(grid[(channel + 4) * plane + at]);
                    if (score < minScore || score <= (best?.Score ?? 0))
                        continue;

                    var centreX = (col + Sigmoid(grid[channel * plane + at])) / cells * InputSize;
                    var centreY = (row + Sigmoid(grid[(channel + 1) * plane + at])) / cells * InputSize;
                    var width = MathF.Exp(grid[(channel + 2) * plane + at]) * AnchorSizes[anchor].Width / cells * InputSize;
                    var height = MathF.Exp(grid[(channel + 3) * plane + at]) * AnchorSizes[anchor].Height / cells * InputSize;
                    best = new FaceBox(
                        (centreX - width / 2 - offset) / scale,
                        (centreY - height / 2 - offset) / scale,
                        width / scale,
                        height / scale,
                        score);
                }
            }
        }

        return best;
    }

    private static float Sigmoid(float value) => 1f / (1f + MathF.Exp(-value));

    public void Dispose() => _network.Dispose();
}
