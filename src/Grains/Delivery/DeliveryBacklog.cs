using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace Supervision.Grains.Delivery;

/// <summary>
/// How many deliveries wait to be sent, for the backlog gauge. A scrape never waits on the database: it reads
/// the last count and, when that is older than <see cref="CountInterval"/>, starts a new one in the background,
/// so the figure lags by one scrape and PostgreSQL is asked at most once per interval however often it is read.
/// </summary>
public sealed class DeliveryBacklog(DeliveryOutbox outbox, ILogger<DeliveryBacklog> logger)
{
    public static readonly TimeSpan CountInterval = TimeSpan.FromSeconds(10);
    private Measurement<long>[] last = [];
    private long nextCountAt;
    private int counting;

    public IEnumerable<Measurement<long>> Observe()
    {
        if (Environment.TickCount64 >= Volatile.Read(ref nextCountAt) && Interlocked.CompareExchange(ref counting, 1, 0) == 0)
        {
            _ = Task.Run(CountAsync);
        }

        return Volatile.Read(ref last);
    }

    private async Task CountAsync()
    {
        try
        {
            Volatile.Write(ref last, [new Measurement<long>(await outbox.CountWaitingAsync())]);
        }
        catch (Exception e)
        {
            // An old count would pass for the current one: report none until the database answers again.
            Volatile.Write(ref last, []);
            logger.LogWarning(e, "Counting the deliveries waiting to be sent failed");
        }
        finally
        {
            Volatile.Write(ref nextCountAt, Environment.TickCount64 + (long)CountInterval.TotalMilliseconds);
            Volatile.Write(ref counting, 0);
        }
    }
}
