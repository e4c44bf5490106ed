using Npgsql;
using NpgsqlTypes;
using Supervision.Database;
using Supervision.Grains.Study;

namespace Supervision.Grains.Evidence;

/// <summary>
/// Adds a batch's anomalies to the charts' count per day, kind and class (620_activity_aggregates.sql), inside the
/// batch's transaction: counted in memory first, in key order, so two silos' batches lock shared rows in the same
/// order and never deadlock.
/// </summary>
public static class AnomaliesByDay
{
    public static async Task AddAsync(NpgsqlConnection connection, IEnumerable<AnomalyRecord> anomalies)
    {
        var kinds = anomalies
            .GroupBy(a => (Day: ChinaTime.DayOf(a.At), a.Kind, ClassCode: a.ClassCode ?? ""))
            .OrderBy(g => g.Key.Day).ThenBy(g => g.Key.Kind, StringComparer.Ordinal).ThenBy(g => g.Key.ClassCode, StringComparer.Ordinal)
            .ToList();
        if (kinds.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(
            """
            INSERT INTO anomalies_by_day AS t (day, kind, class_code, count)
            SELECT * FROM unnest(@days, @kinds, @classes, @counts)
            ON CONFLICT (day, kind, class_code) DO UPDATE SET count = t.count + excluded.count
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<DateOnly[]>("days", kinds.Select(g => g.Key.Day).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("kinds", kinds.Select(g => g.Key.Kind).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("classes", kinds.Select(g => g.Key.ClassCode).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<int[]>("counts", kinds.Select(g => g.Count()).ToArray()));
        await command.ExecuteNonQueryAsync();
    }
}
