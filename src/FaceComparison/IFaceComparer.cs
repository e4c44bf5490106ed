namespace Supervision.FaceComparison;

/// <summary>Compares the face in a probe photo with the face in a reference photo.</summary>
public interface IFaceComparer
{
    /// <exception cref="ImageRejectedException">Either image fails the size, dimension or format checks.</exception>
    Task<FaceComparison> CompareAsync(ReadOnlyMemory<byte> reference, ReadOnlyMemory<byte> probe, CancellationToken cancellationToken);
}
