using System.Net.Sockets;
using Npgsql;
using Supervision.Contracts;

namespace Supervision.Silo;

/// <summary>
/// Turns "the database is unreachable", however deep in a grain call it surfaced, into one exception the
/// front recognises and answers as 5001 (HTTP 503, retry later) rather than as an internal error.
/// </summary>
public sealed class StorageFaultFilter : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception e) when (IsDatabaseUnreachable(e))
        {
            throw new StorageUnavailableException("the database could not be reached; send the same request again");
        }
    }

    private static bool IsDatabaseUnreachable(Exception? fault)
    {
        for (var e = fault; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException or SocketException or StorageUnavailableException)
            {
                return true;
            }
        }

        return false;
    }
}
