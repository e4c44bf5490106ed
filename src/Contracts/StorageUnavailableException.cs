namespace Supervision.Contracts;

/// <summary>
/// The database could not be reached while a grain call ran: nothing was committed, and the caller may
/// retry later. Raised at the silo's edge in place of the driver's own exception, which does not cross
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
