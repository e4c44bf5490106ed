using Npgsql;
using NpgsqlTypes;
using Supervision.Database;
using Supervision.Grains.Evidence;

namespace Supervision.Grains.Study;

/// <summary>
/// Adds a batch's study activity to the charts' aggregate tables (620_activity_aggregates.sql), inside the batch's
/// transaction: summed in memory first, so a batch of a thousand reports costs a few rows per table. Each ledger writer
/// adds to rows of its own (the tables' writer column, 700_aggregates_per_writer.sql), summed on read, so that two
/// writers (or silos) never wait on one row's lock; rows still go in key order.
/// </summary>
public sealed class StudyActivityTable : ILedgerTable
{
    public static readonly StudyActivityTable Instance = new();

    private StudyActivityTable()
    {
    }

    public IEnumerable<NpgsqlBatchCommand> Commands(IReadOnlyList<object> rows, int writer)
    {
        var all = rows.Cast<StudyActivity>().ToList();
        var minutes = all
            .GroupBy(a => (Minute: Truncate(a.At), a.PlatformCode))
            .OrderBy(g => g.Key.Minute).ThenBy(g => g.Key.PlatformCode, StringComparer.Ordinal)
            .ToList();
        var days = all
            .GroupBy(a => (Day: ChinaTime.DayOf(a.At), a.ClassCode, a.PlatformCode))
            .OrderBy(g => g.Key.Day).ThenBy(g => g.Key.ClassCode, StringComparer.Ordinal).ThenBy(g => g.Key.PlatformCode, StringComparer.Ordinal)
            .ToList();

        if (minutes.Count > 0)
        {
            var command = new NpgsqlBatchCommand(
                """
                INSERT INTO activity_by_minute AS t (minute, platform_code, writer, reports, learners, credited)
                SELECT minute, platform, @writer, reports, learners, credited
                  FROM unnest(@minutes, @platforms, @reports, @learners, @credited) AS a(minute, platform, reports, learners, credited)
                ON CONFLICT (minute, platform_code, writer) DO UPDATE
                    SET reports = t.reports + excluded.reports, learners = t.learners + excluded.learners, credited = t.credited + excluded.credited
                """);
            command.Parameters.Add(new NpgsqlParameter<int>("writer", writer));
            command.Parameters.Add(new NpgsqlParameter<DateTime[]>("minutes", minutes.Select(g => g.Key.Minute.UtcDateTime).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter<string[]>("platforms", minutes.Select(g => g.Key.PlatformCode).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<int[]>("reports", minutes.Select(g => g.Sum(a => a.Reports)).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<int[]>("learners", minutes.Select(g => g.Count(a => a.NewLearnerMinute)).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<int[]>("credited", minutes.Select(g => g.Sum(a => a.Credited)).ToArray()));
            yield return command;
        }

        if (days.Count > 0)
        {
            var command = new NpgsqlBatchCommand(
                """
                INSERT INTO credit_by_day AS t (day, class_code, platform_code, writer, credited, reports)
                SELECT day, class_code, platform, @writer, credited, reports
                  FROM unnest(@days, @classes, @platforms, @credited, @reports) AS c(day, class_code, platform, credited, reports)
                ON CONFLICT (day, class_code, platform_code, writer) DO UPDATE
                    SET credited = t.credited + excluded.credited, reports = t.reports + excluded.reports
                """);
            command.Parameters.Add(new NpgsqlParameter<int>("writer", writer));
            command.Parameters.Add(new NpgsqlParameter<DateOnly[]>("days", days.Select(g => g.Key.Day).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<string[]>("classes", days.Select(g => g.Key.ClassCode).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<string[]>("platforms", days.Select(g => g.Key.PlatformCode).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<long[]>("credited", days.Select(g => g.Sum(a => (long)a.Credited)).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<int[]>("reports", days.Select(g => g.Sum(a => a.Reports)).ToArray()));
            yield return command;
        }
    }

    private static DateTimeOffset Truncate(DateTimeOffset at) => DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds() / 60 * 60);
}
