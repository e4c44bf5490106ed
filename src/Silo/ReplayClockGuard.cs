using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Supervision.Contracts;

namespace Supervision.Silo;

/// <summary>
/// A silo whose clock replays a past day (<see cref="ReplayClock"/>, the demo's) starts only when the day comes after
/// everything the database holds: a replay adds a day to an empty record, and never writes history in among records
/// already kept, where it would pass for what happened then.
/// </summary>
public sealed class ReplayClockGuard(NpgsqlDataSource dataSource, [FromKeyedServices(ClockKey.Name)] TimeProvider clock) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ReplayClockGuard), ServiceLifecycleStage.RuntimeInitialize, CheckAsync);

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        if (clock is not ReplayClock { Settings.ReplayFrom: { } from })
        {
            return;
        }

        await using var command = dataSource.CreateCommand("SELECT greatest((SELECT max(at) FROM evidence_events), (SELECT max(at) FROM study_reports))");
        if (await command.ExecuteScalarAsync(cancellationToken) is DateTime newest && newest >= from.UtcDateTime)
        {
            throw new InvalidOperationException(
                $"{ReplayClockSettings.Section}: ReplayFrom {from:u} is before the newest record the database holds ({newest:u}); a replayed day may only come after everything stored");
        }
    }
}
