namespace Supervision.Contracts;

/// <summary>
/// A grain's write was refused because the version it was drafted on is no longer the committed one: another
/// activation of the same grain (a silo cut off from the cluster while the grain moved, say) committed first.
/// Nothing of the write was recorded. The grain is deactivated, so the next call starts from the stored state; the
/// caller sends the same request again. The front answers it 5002, never "0".
/// </summary>
[GenerateSerializer]
public sealed class VersionConflictException : Exception
{
    public VersionConflictException()
    {
    }

    public VersionConflictException(string message)
        : base(message)
    {
    }

    public VersionConflictException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
