using System.Runtime.InteropServices;
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
        // Summed by key in one pass (no grouping query: this runs for every batch), then sorted into key order.
        var byMinute = new Dictionary<(long Minute, string Platform), (int Reports, int Learners, int Credited)>();
        var byDay = new Dictionary<(DateOnly Day, string Class, string Platform), (long Credited, int Reports)>();
        foreach (var row in rows)
        {
            var a = (StudyActivity)row;
            ref var minute = ref CollectionsMarshal.GetValueRefOrAddDefault(byMinute, (a.At.ToUnixTimeSeconds() / 60, a.PlatformCode), out _);
            minute = (minute.Reports + a.Reports, minute.Learners + (a.NewLearnerMinute ? 1 : 0), minute.Credited + a.Credited);
            ref var day = ref CollectionsMarshal.GetValueRefOrAddDefault(byDay, (ChinaTime.DayOf(a.At), a.ClassCode, a.PlatformCode), out _);
            day = (day.Credited + a.Credited, day.Reports + a.Reports);
        }

        var minutes = byMinute.ToArray();
        Array.Sort(minutes, static (x, y) => x.Key.Minute != y.Key.Minute ? x.Key.Minute.CompareTo(y.Key.Minute) : string.CompareOrdinal(x.Key.Platform, y.Key.Platform));
        var days = byDay.ToArray();
        Array.Sort(days, static (x, y) => x.Key.Day != y.Key.Day ? x.Key.Day.CompareTo(y.Key.Day)
            : string.CompareOrdinal(x.Key.Class, y.Key.Class) is var byClass and not 0 ? byClass : string.CompareOrdinal(x.Key.Platform, y.Key.Platform));

        // Positional parameters ($1…) are sent as they are; named ones would be rewritten into a new SQL string every batch.
        if (minutes.Length > 0)
        {
            var command = new NpgsqlBatchCommand(
                """
                INSERT INTO activity_by_minute AS t (minute, platform_code, writer, reports, learners, credited)
                SELECT minute, platform, $1, reports, learners, credited
                  FROM unnest($2, $3, $4, $5, $6) AS a(minute, platform, reports, learners, credited)
                ON CONFLICT (minute, platform_code, writer) DO UPDATE
                    SET reports = t.reports + excluded.reports, learners = t.learners + excluded.learners, credited = t.credited + excluded.credited
                """);
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = writer });
            command.Parameters.Add(new NpgsqlParameter<DateTime[]> { TypedValue = Array.ConvertAll(minutes, m => DateTimeOffset.FromUnixTimeSeconds(m.Key.Minute * 60).UtcDateTime), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = Array.ConvertAll(minutes, m => m.Key.Platform) });
            command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = Array.ConvertAll(minutes, m => m.Value.Reports) });
            command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = Array.ConvertAll(minutes, m => m.Value.Learners) });
            command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = Array.ConvertAll(minutes, m => m.Value.Credited) });
            yield return command;
        }

        if (days.Length > 0)
        {
            var command = new NpgsqlBatchCommand(
                """
                INSERT INTO credit_by_day AS t (day, class_code, platform_code, writer, credited, reports)
                SELECT day, class_code, platform, $1, credited, reports
                  FROM unnest($2, $3, $4, $5, $6) AS c(day, class_code, platform, credited, reports)
                ON CONFLICT (day, class_code, platform_code, writer) DO UPDATE
                    SET credited = t.credited + excluded.credited, reports = t.reports + excluded.reports
                """);
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = writer });
            command.Parameters.Add(new NpgsqlParameter<DateOnly[]> { TypedValue = Array.ConvertAll(days, d => d.Key.Day) });
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = Array.ConvertAll(days, d => d.Key.Class) });
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = Array.ConvertAll(days, d => d.Key.Platform) });
            command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = Array.ConvertAll(days, d => d.Value.Credited) });
            command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = Array.ConvertAll(days, d => d.Value.Reports) });
            yield return command;
        }
    }
}
