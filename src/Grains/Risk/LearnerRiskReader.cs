using Npgsql;
using Supervision.Contracts.Risk;

namespace Supervision.Grains.Risk;

/// <summary>The day's flagged learners, one row per learner in a class, riskiest first.</summary>
internal sealed class LearnerRiskReader(NpgsqlDataSource dataSource)
{
    private static readonly string Sql = FlaggedAnomalies.With +
        """
        , ranked AS (
            SELECT class_code, min(train_class_name) AS name, student_user_code, min(platform_code) AS platform, sum(n)::int AS n,
                   sum(withheld)::bigint AS withheld, min(first_at) AS first_at, max(last_at) AS last_at,
                   array_agg(kind ORDER BY n DESC, kind) AS kinds, array_agg(n ORDER BY n DESC, kind) AS counts
            FROM flagged GROUP BY class_code, student_user_code
        )
        SELECT class_code, name, student_user_code, platform, n, withheld, first_at, last_at, kinds, counts, (SELECT count(*)::int FROM ranked)
        FROM ranked ORDER BY withheld DESC, n DESC, last_at DESC, class_code, student_user_code OFFSET @offset LIMIT @limit
        """;

    public async Task<RiskPage<LearnerRisk>> ReadAsync(RiskQuery query, DateOnly today)
    {
        await using var command = dataSource.CreateCommand(Sql);
        var day = FlaggedAnomalies.Bind(command, query, today);
        var rows = new List<LearnerRisk>();
        var total = 0;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add(new LearnerRisk(
                    reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.GetInt32(4), reader.GetInt64(5), reader.GetFieldValue<DateTimeOffset>(6), reader.GetFieldValue<DateTimeOffset>(7),
                    FlaggedAnomalies.Kinds(reader, 8, 9)));
                total = reader.GetInt32(10);
            }
        }

        // A page past the last row still says how many rows there are.
        if (rows.Count == 0 && query.Offset > 0)
            total = (await ReadAsync(query with { Offset = 0, Limit = 1 }, today)).Total;
        return new RiskPage<LearnerRisk>(day, total, rows);
    }
}
