using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Concurrency;
using Supervision.Contracts;
using Supervision.Contracts.Charts;
using Supervision.Database;

namespace Supervision.Grains.Charts;

/// <summary>
/// Reads the aggregate tables by their keys' leading column (a time), so a chart costs its own rows, whatever the
/// evidence holds; each ledger writer keeps rows of its own, which the reads sum.
/// </summary>
[StatelessWorker]
public sealed class ActivityChartsGrain(NpgsqlDataSource dataSource, [FromKeyedServices(ClockKey.Name)] TimeProvider time) : Grain, IActivityChartsGrain
{
    public async Task<IReadOnlyList<MinuteActivity>> Minutes(int hours)
    {
        var since = DateTimeOffset.FromUnixTimeSeconds((time.GetUtcNow() - TimeSpan.FromHours(hours)).ToUnixTimeSeconds() / 60 * 60);
        await using var command = dataSource.CreateCommand(
            """
            SELECT minute, sum(learners)::int, sum(reports)::int, sum(credited)::int FROM activity_by_minute
            WHERE minute >= @since GROUP BY minute ORDER BY minute
            """);
        command.Parameters.AddWithValue("since", since);
        var rows = new List<MinuteActivity>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(new MinuteActivity(reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3)));
        return rows;
    }

    public async Task<IReadOnlyList<DailyCredit>> Credit(int days)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT c.day, c.class_code, c.platform_code, c.credited, d.train_class_name
            FROM (SELECT day, class_code, platform_code, sum(credited)::bigint AS credited FROM credit_by_day
                  WHERE day >= @first GROUP BY day, class_code, platform_code) c
            LEFT JOIN class_directory d ON d.class_code = c.class_code
            ORDER BY c.day, c.class_code, c.platform_code
            """);
        command.Parameters.AddWithValue("first", FirstDay(days));
        var rows = new List<DailyCredit>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(new DailyCredit(reader.GetFieldValue<DateOnly>(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        return rows;
    }

    public async Task<IReadOnlyList<DailyAnomalies>> Anomalies(int days)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT day, kind, sum(count)::int FROM anomalies_by_day WHERE day >= @first GROUP BY day, kind ORDER BY day, kind");
        command.Parameters.AddWithValue("first", FirstDay(days));
        var rows = new List<DailyAnomalies>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(new DailyAnomalies(reader.GetFieldValue<DateOnly>(0), reader.GetString(1), reader.GetInt32(2)));
        return rows;
    }

    private DateOnly FirstDay(int days) => ChinaTime.DayOf(time.GetUtcNow()).AddDays(1 - days);
}
