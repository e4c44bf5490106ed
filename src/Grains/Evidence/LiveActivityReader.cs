using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Supervision.Contracts;
using Supervision.Contracts.Evidence;

namespace Supervision.Grains.Evidence;

/// <summary>
/// Counts what the cluster is doing now from committed reports. The count reads every report of the last two
/// minutes (found by study_reports' block-range index on time), so a silo computes it at most once every
/// <see cref="Freshness"/>, however many consoles are watching, and one caller computes while the others wait.
/// </summary>
public sealed class LiveActivityReader(NpgsqlDataSource dataSource, [FromKeyedServices(ClockKey.Name)] TimeProvider time)
{
    /// <summary>A learner reports once a minute: one who reported within two minutes is still watching.</summary>
    private static readonly TimeSpan ActiveWindow = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim computing = new(1, 1);
    private LiveActivity? last;
    private long lastComputedAt;

    public async Task<LiveActivity> ReadAsync()
    {
        await computing.WaitAsync();
        try
        {
            if (last is null || Stopwatch.GetElapsedTime(lastComputedAt) >= Freshness)
            {
                last = await CountAsync();
                lastComputedAt = Stopwatch.GetTimestamp();
            }

            return last;
        }
        finally
        {
            computing.Release();
        }
    }

    private async Task<LiveActivity> CountAsync()
    {
        var now = time.GetUtcNow();
        await using var command = dataSource.CreateCommand(
            """
            WITH recent AS MATERIALIZED (
                SELECT session_id, at FROM study_reports WHERE outcome = 0 AND at > @activeSince AND at <= @now)
            SELECT (SELECT count(*) FROM (
                        SELECT DISTINCT e.class_code, e.student_user_code FROM (SELECT DISTINCT session_id FROM recent) s
                        JOIN evidence_events e ON e.session_id = s.session_id AND e.kind = 'session_start') learners),
                   (SELECT count(*) FROM recent WHERE at > @rateSince)
            """);
        command.Parameters.AddWithValue("activeSince", now - ActiveWindow);
        command.Parameters.AddWithValue("rateSince", now - RateWindow);
        command.Parameters.AddWithValue("now", now);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new LiveActivity(now, (int)reader.GetInt64(0), reader.GetInt64(1) / RateWindow.TotalSeconds,
            (int)ActiveWindow.TotalSeconds, (int)RateWindow.TotalSeconds);
    }
}
