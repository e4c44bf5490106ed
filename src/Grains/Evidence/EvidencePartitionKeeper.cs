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

    private readonly CancellationTokenSource stopping = new();
    private Task keeping = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(EvidencePartitionKeeper), ServiceLifecycleStage.RuntimeInitialize, StartAsync, StopAsync);

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

    public void Dispose() => stopping.Dispose();

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

        keeping = KeepAsync(stopping.Token);
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await keeping.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task KeepAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await EnsureAsync(cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Months ahead leave weeks of slack, and the default partition catches any write meanwhile: try again tomorrow.
                    logger.LogError(e, "Evidence partitions could not be made ahead; trying again in {Interval}", Interval);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
