namespace Supervision.FaceComparison.Tests;

/// <summary>Loads the models once for all local comparer tests, as the silo does with its singleton.</summary>
public sealed class LocalFaceComparerFixture : IDisposable
{
    public LocalFaceComparer Comparer { get; } = new(new FaceComparisonOptions());

    public void Dispose() => Comparer.Dispose();
}
