using Microsoft.ML.OnnxRuntime;

namespace Supervision.FaceComparison;

/// <summary>
/// One of the embedded networks, loaded once. Every model takes one <c>image</c> tensor of raw RGB 0–255 in
/// NCHW and has one output. ONNX Runtime allows concurrent runs of one session, so <see cref="Run"/> is thread-safe.
/// </summary>
public sealed class OnnxNetwork : IDisposable
{
    private static readonly string[] InputNames = ["image"];
    private readonly InferenceSession _session;
    private readonly string[] _outputNames;
    private readonly long[] _inputShape;

    public OnnxNetwork(string modelFile, int inputSize, SessionOptions sessionOptions)
    {
        var name = $"Supervision.FaceComparison.Models.{modelFile}";
        using var stream = typeof(OnnxNetwork).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The face model {modelFile} is not embedded in {typeof(OnnxNetwork).Assembly.GetName().Name}.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        _session = new InferenceSession(bytes.ToArray(), sessionOptions);
        _outputNames = [.. _session.OutputNames];
        _inputShape = [1, 3, inputSize, inputSize];
    }

    public float[] Run(float[] image)
    {
        using var input = OrtValue.CreateTensorValueFromMemory(image, _inputShape);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, InputNames, [input], _outputNames);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    public void Dispose() => _session.Dispose();
}
