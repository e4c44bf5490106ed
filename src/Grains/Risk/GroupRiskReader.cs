using Npgsql;
using Supervision.Contracts.Risk;

namespace Supervision.Grains.Risk;

/// <summary>The day's flagged learners summed per class or per learning platform, riskiest first.</summary>
internal sealed class GroupRiskReader(NpgsqlDataSource dataSource)
{
    private static readonly string ByClass = Sql("class_code", "min(train_class_name)", "min(platform_code)");

    private static readonly string ByPlatform = Sql("platform_code", "NULL::text", "NULL::text");

    /// <summary>The grouping column and the name and platform columns are constants of this type, never input.</summary>
    private static string Sql(string group, string name, string platform) => FlaggedAnomalies.With +
        $"""
        , by_kind AS (
            SELECT {group} AS code, kind, sum(n)::int AS n FROM flagged GROUP BY {group}, kind
        ), ranked AS (
            SELECT {group} AS code, {name} AS name, {platform} AS platform,
                   count(DISTINCT (class_code, student_user_code))::int AS learners, sum(n)::int AS n,
                   sum(withheld)::bigint AS withheld, max(last_at) AS last_at
            FROM flagged GROUP BY {group}
        )
        SELECT r.code, r.name, r.platform, r.learners, r.n, r.withheld, r.last_at,
               array(SELECT k.kind FROM by_kind k WHERE k.code IS NOT DISTINCT FROM r.code ORDER BY k.n DESC, k.kind),
               array(SELECT k.n FROM by_kind k WHERE k.code IS NOT DISTINCT FROM r.code ORDER BY k.n DESC, k.kind),
               (SELECT count(*)::int FROM ranked)
        FROM ranked r ORDER BY r.withheld DESC, r.learners DESC, r.n DESC, r.code OFFSET @offset LIMIT @limit
        """;

    public Task<RiskPage<GroupRisk>> ClassesAsync(RiskQuery query, DateOnly today) => ReadAsync(ByClass, query, today);

    public Task<RiskPage<GroupRisk>> PlatformsAsync(RiskQuery query, DateOnly today) => ReadAsync(ByPlatform, query, today);

    private async Task<RiskPage<GroupRisk>> ReadAsync(string sql, RiskQuery query, DateOnly today)
    {
        await using var command = dataSource.CreateCommand(sql);
        var day = FlaggedAnomalies.Bind(command, query, today);
        var rows = new List<GroupRisk>();
        var total = 0;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add(new GroupRisk(
                    reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.GetInt32(3), reader.GetInt32(4), reader.GetInt64(5), reader.GetFieldValue<DateTimeOffset>(6), FlaggedAnomalies.Kinds(reader, 7, 8)));
                total = reader.GetInt32(9);
            }
        }

        if (rows.Count == 0 && query.Offset > 0)
            total = (await ReadAsync(sql, query with { Offset = 0, Limit = 1 }, today)).Total;
        return new RiskPage<GroupRisk>(day, total, rows);
    }
}
