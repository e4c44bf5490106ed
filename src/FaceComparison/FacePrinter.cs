using Microsoft.ML.OnnxRuntime;
using SkiaSharp;

namespace Supervision.FaceComparison;

/// <summary>
/// Takes the <see cref="FacePrint"/> of a photo with the local detector and landmark models, whichever provider
/// judges identity: whether a photo is an edited copy of another is decided here, in-process, so it holds with the
/// cloud comparer too. The two models are embedded in this assembly (0.6 MB) and load once; a singleton, safe to
/// call concurrently.
/// </summary>
public sealed class FacePrinter : IDisposable
{
    private readonly FaceComparisonOptions _options;
    private readonly SessionOptions _sessionOptions;
    private readonly TinyFaceDetector _detector;
    private readonly FaceLandmarker _landmarker;
    private readonly SemaphoreSlim _gate;

    public FacePrinter(FaceComparisonOptions options)
    {
        _options = options;
        _sessionOptions = LocalModelSessions.Options(options);
        _detector = new TinyFaceDetector(_sessionOptions);
        _landmarker = new FaceLandmarker(_sessionOptions);
        _gate = new SemaphoreSlim(Math.Max(1, options.LocalMaxConcurrentComparisons));
    }

    /// <summary>The print of the photo's face, or null when no face is found.</summary>
    /// <exception cref="ImageRejectedException">The photo fails <see cref="ImageCheck"/>.</exception>
    public async Task<FacePrint?> PrintAsync(ReadOnlyMemory<byte> photo, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Off the caller's thread, as the local comparer: detection and landmarks are ~30 ms of CPU.
            return await Task.Run(() =>
            {
                using var decoded = ImageCheck.Decode(photo);
                using var image = SKImage.FromBitmap(decoded.Bitmap);
                return Print(image);
            }, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// As the local comparer looks for a face: as the photo is, then on a wider canvas for a face that fills the frame.
    /// The print is always drawn from the photo itself, so what lies outside it stays outside (never the canvas's grey).
    /// </summary>
    public FacePrint? Print(SKImage image)
    {
        if (Landmarks(image) is { } landmarks)
            return FacePrint.Of(image, landmarks);
        using var widened = WidenedCanvas.Widen(image);
        if (Landmarks(widened) is not { } widenedLandmarks)
            return null;
        var offset = new SKPoint((widened.Width - image.Width) / 2f, (widened.Height - image.Height) / 2f);
        return FacePrint.Of(image, [.. widenedLandmarks.Select(p => p - offset)]);
    }

    private SKPoint[]? Landmarks(SKImage image)
    {
        if (_detector.Detect(image, _options.LocalMinFaceScore) is not { } face)
            return null;
        var landmarks = _landmarker.Locate(image, face);
        return landmarks.Length == 0 ? null : landmarks;
    }

    public void Dispose()
    {
        _detector.Dispose();
        _landmarker.Dispose();
        _sessionOptions.Dispose();
        _gate.Dispose();
    }
}
