using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Supervision.Contracts;
using Supervision.Database.Partitions;

namespace Supervision.Grains.Evidence;

/// <summary>
/// Keeps the month partitions of the evidence tables (<see cref="PartitionedTables"/>) made ahead: as a silo starts,
/// before any grain can write, and then once a day on the supervision clock, so the months turn without an operator.
/// </summary>
public sealed class EvidencePartitionKeeper(
    NpgsqlDataSource dataSource,
    [FromKeyedServices(ClockKey.Name)] TimeProvider time,
    IOptions<EvidencePartitionOptions> options,
    ILogger<EvidencePartitionKeeper> logger) : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    // Months ahead leave weeks of slack, and the default partition catches any write meanwhile: a failed day tries again the next.
    private readonly PeriodicWork keeping = new(time, logger, "Evidence partitions could not be made ahead");

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(EvidencePartitionKeeper), ServiceLifecycleStage.RuntimeInitialize, StartAsync, keeping.StopAsync);

    /// <summary>Creates the partitions due now; answers the ones it created.</summary>
    public async Task<IReadOnlyList<string>> EnsureAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var created = await MonthlyPartitions.EnsureAsync(connection, EvidenceMonth.Of(time.GetUtcNow()), options.Value.PartitionMonthsAhead, cancellationToken);
        if (created.Count > 0)
        {
            logger.LogInformation("Evidence partitions created: {Partitions}", string.Join(", ", created));
        }

        return created;
    }

    public void Dispose() => keeping.Dispose();

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await EnsureAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            // The months ahead made by earlier starts, and the default partition, take the writes: start anyway.
            logger.LogError(e, "Evidence partitions could not be made ahead at start; trying again in {Interval}", Interval);
        }

        keeping.Start(Interval, EnsureAsync);
    }
}
