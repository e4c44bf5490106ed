using System.Net.Sockets;
using Npgsql;
using Supervision.Contracts;

namespace Supervision.Silo;

/// <summary>
/// Turns "the database is unreachable", however deep in a grain call it surfaced, into one exception the
/// front recognises and answers as 5001 (HTTP 503, retry later) rather than as an internal error. The grain is
/// deactivated too: it may have changed its state in memory before the write failed, and the next call must
/// start from what is stored, not from what was never committed. A grain on a LedgeredState changes nothing
/// before its commit but needs the reload as much: a commit whose answer was lost may still have been applied,
/// and holding a version behind the stored one, its every later commit would be refused. A write refused for its
/// version (<see cref="VersionConflictException"/>: another activation committed first) deactivates the grain the
/// same way, and reaches the front as it is (5002).
/// </summary>
public sealed class StorageFaultFilter : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (VersionConflictException)
        {
            context.TargetContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, "a write lost its version check: another activation committed first"));
            throw;
        }
        catch (Exception e) when (IsDatabaseUnreachable(e))
        {
            context.TargetContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, "the database could not be reached"));
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
