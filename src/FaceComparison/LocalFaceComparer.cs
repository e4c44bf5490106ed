using Microsoft.ML.OnnxRuntime;
using SkiaSharp;

namespace Supervision.FaceComparison;

/// <summary>
/// Compares faces in-process with no network: tiny face detector → 68 landmarks → dlib-style aligned 150×150 chip →
/// 128-d descriptor, judged by Euclidean distance against <see cref="FaceComparisonOptions.LocalMaxDistance"/>.
/// Meant as a singleton: the models load once in the constructor and every method is safe to call concurrently.
/// </summary>
public sealed class LocalFaceComparer : IFaceComparer, IDisposable
{
    private readonly FaceComparisonOptions _options;
    private readonly SessionOptions _sessionOptions;
    private readonly TinyFaceDetector _detector;
    private readonly FaceLandmarker _landmarker;
    private readonly FaceDescriptorExtractor _descriptors;
    private readonly SemaphoreSlim _gate;

    public LocalFaceComparer(FaceComparisonOptions options)
    {
        _options = options;
        _sessionOptions = LocalModelSessions.Options(options);
        _detector = new TinyFaceDetector(_sessionOptions);
        _landmarker = new FaceLandmarker(_sessionOptions);
        _descriptors = new FaceDescriptorExtractor(_sessionOptions);
        _gate = new SemaphoreSlim(Math.Max(1, options.LocalMaxConcurrentComparisons));
    }

    public async Task<FaceComparison> CompareAsync(ReadOnlyMemory<byte> reference, ReadOnlyMemory<byte> probe, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Off the caller's thread: an Orleans grain or request thread should not be held by ~0.1 s of CPU work.
            return await Task.Run(() => Compare(reference, probe, cancellationToken), cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private FaceComparison Compare(ReadOnlyMemory<byte> referenceBytes, ReadOnlyMemory<byte> probeBytes, CancellationToken cancellationToken)
    {
        // Both are checked before any model runs, so a bad upload is refused with its typed reason and costs no inference.
        using var referencePhoto = ImageCheck.Decode(referenceBytes);
        using var probePhoto = ImageCheck.Decode(probeBytes);
        using var reference = SKImage.FromBitmap(referencePhoto.Bitmap);
        using var probe = SKImage.FromBitmap(probePhoto.Bitmap);

        var referenceDescriptor = Describe(reference);
        cancellationToken.ThrowIfCancellationRequested();
        var probeDescriptor = Describe(probe);

        if (referenceDescriptor is null)
            return new FaceComparison(false, probeDescriptor is not null, null, FaceDecision.NoFaceInReference, _options.LocalMaxDistance);
        if (probeDescriptor is null)
            return new FaceComparison(true, false, null, FaceDecision.NoFaceInProbe, _options.LocalMaxDistance);

        var distance = FaceDescriptorExtractor.Distance(referenceDescriptor, probeDescriptor);
        var decision = distance < _options.LocalMaxDistance ? FaceDecision.Same : FaceDecision.Different;
        return new FaceComparison(true, true, distance, decision, _options.LocalMaxDistance);
    }

    private float[]? Describe(SKImage image)
    {
        if (DescribeAsIs(image) is { } descriptor)
            return descriptor;
        using var widened = WidenedCanvas.Widen(image);
        return DescribeAsIs(widened);
    }

    private float[]? DescribeAsIs(SKImage image)
    {
        if (_detector.Detect(image, _options.LocalMinFaceScore) is not { } face)
            return null;
        var landmarks = _landmarker.Locate(image, face);
        if (landmarks.Length == 0)
            return null;
        var chip = FaceChipAligner.Chip(image, landmarks);
        return chip.Length == 0 ? null : _descriptors.Describe(chip);
    }

    public void Dispose()
    {
        _detector.Dispose();
        _landmarker.Dispose();
        _descriptors.Dispose();
        _sessionOptions.Dispose();
        _gate.Dispose();
    }
}
