using Npgsql;
using Supervision.Contracts.Risk;
using Supervision.Database;

namespace Supervision.Grains.Risk;

/// <summary>
/// The common part of every risk summary: a day's anomalies of learners (anomalies_by_time bounds the scan to the day),
/// with each anomaly of a person (in no class: a registered photo swapped after study began) counted for every learner
/// the person is on a roster as (class_roster_codes.card_no), counted per learner and kind, each class placed on its learning platform (the platform its learners' startStudy came
/// from, one index probe per class) and named from the class directory. The readers group the flagged rows further.
/// </summary>
internal static class FlaggedAnomalies
{
    public static readonly string With =
        $"""
        WITH learners AS (
            SELECT a.class_code, a.student_user_code, a.kind, a.at, a.details
            FROM anomalies a
            WHERE a.at >= @since AND a.at < @until AND a.class_code IS NOT NULL AND a.student_user_code IS NOT NULL
              AND (@class::text IS NULL OR a.class_code = @class) AND (@kind::text IS NULL OR a.kind = @kind)
            UNION ALL
            SELECT r.class_code, r.student_user_code, a.kind, a.at, a.details
            FROM anomalies a JOIN class_roster_codes r ON r.card_no = a.card_no
            WHERE a.at >= @since AND a.at < @until AND a.class_code IS NULL AND a.card_no IS NOT NULL
              AND (@class::text IS NULL OR r.class_code = @class) AND (@kind::text IS NULL OR a.kind = @kind)
        ), counted AS (
            SELECT a.class_code, a.student_user_code, a.kind, count(*)::int AS n, sum({WithheldSeconds.Sql})::bigint AS withheld,
                   min(a.at) AS first_at, max(a.at) AS last_at
            FROM learners a
            GROUP BY a.class_code, a.student_user_code, a.kind
        ), placed AS (
            SELECT c.class_code, d.train_class_name, p.platform_code
            FROM (SELECT DISTINCT class_code FROM counted) c
            LEFT JOIN class_directory d ON d.class_code = c.class_code
            LEFT JOIN LATERAL (SELECT e.platform_code FROM evidence_events e
                               WHERE e.class_code = c.class_code AND e.kind = 'session_start' AND e.platform_code IS NOT NULL LIMIT 1) p ON true
        ), flagged AS (
            SELECT k.*, p.train_class_name, p.platform_code FROM counted k JOIN placed p USING (class_code)
            WHERE @platform::text IS NULL OR p.platform_code = @platform
        )
        """;

    /// <summary>Binds the day, the filters and the page; answers the day it counts.</summary>
    public static DateOnly Bind(NpgsqlCommand command, RiskQuery query, DateOnly today)
    {
        var day = query.Day ?? today;
        var since = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
        command.Parameters.AddWithValue("since", since);
        command.Parameters.AddWithValue("until", since.AddDays(1));
        command.Parameters.AddWithValue("class", (object?)query.ClassCode ?? DBNull.Value);
        command.Parameters.AddWithValue("platform", (object?)query.PlatformCode ?? DBNull.Value);
        command.Parameters.AddWithValue("kind", (object?)query.Kind ?? DBNull.Value);
        command.Parameters.AddWithValue("offset", query.Offset);
        command.Parameters.AddWithValue("limit", query.Limit);
        return day;
    }

    public static IReadOnlyList<KindCount> Kinds(NpgsqlDataReader reader, int kinds, int counts) =>
        reader.GetFieldValue<string[]>(kinds).Zip(reader.GetFieldValue<int[]>(counts), (kind, count) => new KindCount(kind, count)).ToList();
}
