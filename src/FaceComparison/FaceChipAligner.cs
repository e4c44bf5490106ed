using SkiaSharp;

namespace Supervision.FaceComparison;

/// <summary>
/// Cuts the 150×150 face chip the descriptor net expects, the way dlib's <c>get_face_chip_details(shape, 150, 0.25)</c>
/// does: the similarity transform (rotation, uniform scale, shift) that best maps dlib's mean face shape onto
/// landmarks 17–67 (brows, nose, eyes, mouth) decides the chip, so eyes and nose land where the model saw them in training.
/// A crop on the detection box alone leaves pose and scale to chance and puts more different people under the threshold.
/// </summary>
public static class FaceChipAligner
{
    public const int ChipSize = 150;
    private const float Padding = 0.25f;
    private const int FirstShapePoint = 17;

    // dlib's mean face shape for landmarks 17–67, in 0–1 of the face (dlib/image_transforms/interpolation.h).
    private static readonly float[] MeanShapeX =
    [
        0.000213256f, 0.0752622f, 0.18113f, 0.29077f, 0.393397f, 0.586856f, 0.689483f, 0.799124f,
        0.904991f, 0.98004f, 0.490127f, 0.490127f, 0.490127f, 0.490127f, 0.36688f, 0.426036f,
        0.490127f, 0.554217f, 0.613373f, 0.121737f, 0.187122f, 0.265825f, 0.334606f, 0.260918f,
        0.182743f, 0.645647f, 0.714428f, 0.793132f, 0.858516f, 0.79751f, 0.719335f, 0.254149f,
        0.340985f, 0.428858f, 0.490127f, 0.551395f, 0.639268f, 0.726104f, 0.642159f, 0.556721f,
        0.490127f, 0.423532f, 0.338094f, 0.290379f, 0.428096f, 0.490127f, 0.552157f, 0.689874f,
        0.553364f, 0.490127f, 0.42689f,
    ];

    private static readonly float[] MeanShapeY =
    [
        0.106454f, 0.038915f, 0.0187482f, 0.0344891f, 0.0773906f, 0.0773906f, 0.0344891f,
        0.0187482f, 0.038915f, 0.106454f, 0.203352f, 0.307009f, 0.409805f, 0.515625f, 0.587326f,
        0.609345f, 0.628106f, 0.609345f, 0.587326f, 0.216423f, 0.178758f, 0.179852f, 0.231733f,
        0.245099f, 0.244077f, 0.231733f, 0.179852f, 0.178758f, 0.216423f, 0.244077f, 0.245099f,
        0.780233f, 0.745405f, 0.727388f, 0.742578f, 0.727388f, 0.745405f, 0.780233f, 0.864805f,
        0.902192f, 0.909281f, 0.902192f, 0.864805f, 0.784792f, 0.778746f, 0.785343f, 0.778746f,
        0.784792f, 0.824182f, 0.836439f, 0.824182f,
    ];

    /// <summary>The transform from chip pixels to photo pixels, least squares over the 51 landmarks.</summary>
    public static SKMatrix ChipToImage(ReadOnlySpan<SKPoint> landmarks)
    {
        if (landmarks.Length != FaceLandmarker.PointCount)
            throw new ArgumentException($"Expected {FaceLandmarker.PointCount} landmarks.", nameof(landmarks));

        var count = MeanShapeX.Length;
        Span<SKPoint> template = stackalloc SKPoint[count];
        double fromX = 0, fromY = 0, toX = 0, toY = 0;
        for (var i = 0; i < count; i++)
        {
            template[i] = new SKPoint(
                (Padding + MeanShapeX[i]) / (2 * Padding + 1) * ChipSize,
                (Padding + MeanShapeY[i]) / (2 * Padding + 1) * ChipSize);
            fromX += template[i].X;
            fromY += template[i].Y;
            toX += landmarks[FirstShapePoint + i].X;
            toY += landmarks[FirstShapePoint + i].Y;
        }

        fromX /= count;
        fromY /= count;
        toX /= count;
        toY /= count;
        double dot = 0, cross = 0, norm = 0;
        for (var i = 0; i < count; i++)
        {
            var px = template[i].X - fromX;
            var py = template[i].Y - fromY;
            var qx = landmarks[FirstShapePoint + i].X - toX;
            var qy = landmarks[FirstShapePoint + i].Y - toY;
            dot += px * qx + py * qy;
            cross += px * qy - py * qx;
            norm += px * px + py * py;
        }

        var a = dot / norm;
        var b = cross / norm;
        return new SKMatrix(
            (float)a, (float)-b, (float)(toX - a * fromX + b * fromY),
            (float)b, (float)a, (float)(toY - b * fromX - a * fromY),
            0, 0, 1);
    }

    public static float[] Chip(SKImage image, ReadOnlySpan<SKPoint> landmarks)
    {
        if (!ChipToImage(landmarks).TryInvert(out var imageToChip))
            return [];
        return RgbTensor.Render(ChipSize, canvas =>
        {
            canvas.SetMatrix(imageToChip);
            canvas.DrawImage(image, 0, 0, RgbTensor.Sampling);
        });
    }
}
