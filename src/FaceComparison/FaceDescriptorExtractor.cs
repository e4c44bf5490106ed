using Microsoft.ML.OnnxRuntime;

namespace Supervision.FaceComparison;

/// <summary>face-api's port of dlib's ResNet face descriptor: a 150×150 aligned chip in, 128 numbers out.</summary>
public sealed class FaceDescriptorExtractor(SessionOptions sessionOptions) : IDisposable
{
    public const int Length = 128;

    private readonly OnnxNetwork _network = new("face_recognition.onnx", FaceChipAligner.ChipSize, sessionOptions);

    public float[] Describe(float[] chip) => _network.Run(chip);

    public static double Distance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            var difference = (double)a[i] - b[i];
            sum += difference * difference;
        }

        return Math.Sqrt(sum);
    }

    public void Dispose() => _network.Dispose();
}
