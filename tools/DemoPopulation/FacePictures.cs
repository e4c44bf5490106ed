using SkiaSharp;

namespace Supervision.DemoPopulation;

/// <summary>
/// The photos the demo's learners send, all from tests/Faces (SOURCES.md: public domain and MIT): one man registered
/// and ten live webcam captures of him, another person, and his captures through a poor webcam (JPEG quality 5), which
/// the local comparer scores near its threshold: the face review queue's business.
/// </summary>
public sealed class FacePictures(string folder)
{
    public const string RegisteredFile = "webcam_registered.jpg";

    /// <summary>Another person's portrait, for a photo swapped in after studying began.</summary>
    public const string AnotherPersonFile = "grace_hopper_512x512.jpg";

    public const int Captures = 10;

    /// <summary>Through a poor webcam, this capture is still him but scored close to the threshold (distance 0.57 of 0.60).</summary>
    public const int BorderlinePassCapture = 8;

    /// <summary>Through a poor webcam, this capture is refused, scored close to the threshold (distance 0.60 of 0.60).</summary>
    public const int BorderlineRefusalCapture = 6;

    public static FacePictures Beside() => new(Path.Combine(AppContext.BaseDirectory, "Faces"));

    public byte[] Registered => Read(RegisteredFile);

    /// <summary>Eileen Collins: a different person from the registered one.</summary>
    public byte[] SomeoneElse => Read("astronaut.png");

    public byte[] Capture(int number) => Read($"webcam_capture_{number:00}.jpg");

    public byte[] ThroughAPoorWebcam(int capture)
    {
        using var bitmap = SKBitmap.Decode(Capture(capture));
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 5);
        return data.ToArray();
    }

    private byte[] Read(string file) => File.ReadAllBytes(Path.Combine(folder, file));
}
