namespace Supervision.Contracts;

/// <summary>
/// The database could not be reached while a grain call ran. The request was not acknowledged, and part of it
/// may have been committed (a check attempt before its pass reached the student, say): the caller sends the same
/// request again, which every mutating call answers as a retry. Raised at the silo's edge in place of the driver's own exception, which does not cross
/// to the front intact.
/// </summary>
[GenerateSerializer]
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
