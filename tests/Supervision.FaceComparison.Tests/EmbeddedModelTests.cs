using System.Security.Cryptography;

namespace Supervision.FaceComparison.Tests;

public sealed class EmbeddedModelTests
{
    [Fact]
    public void Every_embedded_model_matches_the_committed_checksum()
    {
        var assembly = typeof(LocalFaceComparer).Assembly;
        var expected = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Models", "SHA256SUMS"))
            .Where(line => line.Length > 0)
            .Select(line => line.Split("  "))
            .ToDictionary(parts => parts[1], parts => parts[0]);

        Assert.Equal(["face_landmark_68.onnx", "face_recognition.onnx", "tiny_face_detector.onnx"], expected.Keys.Order());
        foreach (var (file, sha256) in expected)
        {
            using var stream = assembly.GetManifestResourceStream($"Supervision.FaceComparison.Models.{file}");
            Assert.NotNull(stream);
            Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(stream)));
        }
    }
}
