using Npgsql;
using Supervision.Contracts.Risk;

namespace Supervision.Grains.Risk;

/// <summary>
/// The day's flagged learners summed per class or per learning platform, riskiest first. A platform counts people, not
/// roster entries: a person on two of its classes (class_roster_codes.card_no) is one flagged learner there, and a
/// person's own anomaly (a swapped photo), which every class of theirs lists, is one anomaly there.
/// </summary>
internal sealed class GroupRiskReader(NpgsqlDataSource dataSource)
{
    private static readonly string ByClass = FlaggedAnomalies.With +
        """
        , by_kind AS (
            SELECT class_code AS code, kind, sum(n)::int AS n FROM flagged GROUP BY class_code, kind
        ), ranked AS (
            SELECT class_code AS code, min(train_class_name) AS name, min(platform_code) AS platform,
                   count(DISTINCT student_user_code)::int AS learners, sum(n)::int AS n, sum(withheld)::bigint AS withheld, max(last_at) AS last_at
            FROM flagged GROUP BY class_code
        )
        """ + Page;

    /// <summary>Each anomaly once per platform, with the person it is of: the roster's card number, or the learner where the roster names none.</summary>
    private static readonly string ByPlatform = FlaggedAnomalies.With +
        """
        , people AS (
            SELECT DISTINCT ON (l.platform_code, l.id) l.platform_code, l.kind, l.withheld, l.at,
                   coalesce(l.card_no, r.card_no, l.class_code || '/' || l.student_user_code) AS person
            FROM located l LEFT JOIN class_roster_codes r ON r.class_code = l.class_code AND r.student_user_code = l.student_user_code
            ORDER BY l.platform_code, l.id
        ), by_kind AS (
            SELECT platform_code AS code, kind, count(*)::int AS n FROM people GROUP BY platform_code, kind
        ), ranked AS (
            SELECT platform_code AS code, NULL::text AS name, NULL::text AS platform,
                   count(DISTINCT person)::int AS learners, count(*)::int AS n, sum(withheld)::bigint AS withheld, max(at) AS last_at
            FROM people GROUP BY platform_code
        )
        """ + Page;

    private const string Page =
        """

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
