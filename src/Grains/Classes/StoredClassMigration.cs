using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Serialization;
using Supervision.Database;

namespace Supervision.Grains.Classes;

/// <summary>
/// A fill-in from every class's stored state (grain_state) into a table a later release added, run as a silo starts,
/// once per database (<see cref="CodeMigration"/>), at its own stage after those before it.
/// </summary>
public abstract class StoredClassMigration(NpgsqlDataSource dataSource, Serializer<ClassState> serializer, ILogger logger, string name, int stage, string filledMessage)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(GetType().Name, ServiceLifecycleStage.RuntimeInitialize + stage, async cancellationToken => await RunAsync(cancellationToken));

    /// <summary>How many classes it filled in; null when it had already run.</summary>
    public async Task<int?> RunAsync(CancellationToken cancellationToken = default)
    {
        var filled = await CodeMigration.RunOnceAsync<int?>(dataSource, name, async connection =>
        {
            var classes = new List<(string Code, ClassState State)>();
            await using (var read = new NpgsqlCommand("SELECT key, payload FROM grain_state WHERE kind = 'class'", connection))
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    if (serializer.Deserialize(reader.GetFieldValue<byte[]>(1)) is { } state)
                    {
                        classes.Add((reader.GetString(0), state));
                    }
                }
            }

            foreach (var (code, state) in classes)
            {
                await FillAsync(connection, code, state, cancellationToken);
            }

            return classes.Count;
        }, cancellationToken);
        if (filled is not null)
        {
            logger.LogInformation("{Migration}: {Classes}", filledMessage, filled);
        }

        return filled;
    }

    /// <summary>Writes what the class's <paramref name="state"/> says into the new table.</summary>
    protected abstract Task FillAsync(NpgsqlConnection connection, string code, ClassState state, CancellationToken cancellationToken);
}
