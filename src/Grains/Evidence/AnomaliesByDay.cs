using Npgsql;
using NpgsqlTypes;
using Supervision.Database;
using Supervision.Grains.Study;

namespace Supervision.Grains.Evidence;

/// <summary>
/// Adds a batch's anomalies to the charts' count per day, kind and class (620_activity_aggregates.sql), inside the
/// batch's transaction: counted in memory first, in key order, into rows of the committing ledger writer's own
/// (700_aggregates_per_writer.sql), summed on read, so two writers or silos never wait on one row's lock.
/// </summary>
public static class AnomaliesByDay
{
    /// <summary>The statement that adds <paramref name="anomalies"/>, or null for none.</summary>
    public static NpgsqlBatchCommand? Add(IEnumerable<AnomalyRecord> anomalies, int writer)
    {
        var kinds = anomalies
            .GroupBy(a => (Day: ChinaTime.DayOf(a.At), a.Kind, ClassCode: a.ClassCode ?? ""))
            .OrderBy(g => g.Key.Day).ThenBy(g => g.Key.Kind, StringComparer.Ordinal).ThenBy(g => g.Key.ClassCode, StringComparer.Ordinal)
            .ToList();
        if (kinds.Count == 0)
        {
            return null;
        }

        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO anomalies_by_day AS t (day, kind, class_code, writer, count)
            SELECT day, kind, class_code, @writer, count FROM unnest(@days, @kinds, @classes, @counts) AS a(day, kind, class_code, count)
            ON CONFLICT (day, kind, class_code, writer) DO UPDATE SET count = t.count + excluded.count
            """);
        command.Parameters.Add(new NpgsqlParameter<int>("writer", writer));
        command.Parameters.Add(new NpgsqlParameter<DateOnly[]>("days", kinds.Select(g => g.Key.Day).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("kinds", kinds.Select(g => g.Key.Kind).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("classes", kinds.Select(g => g.Key.ClassCode).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<int[]>("counts", kinds.Select(g => g.Count()).ToArray()));
        return command;
    }
}
