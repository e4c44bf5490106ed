using Npgsql;
using Supervision.Contracts.Risk;
using Supervision.Database;

namespace Supervision.Grains.Risk;

/// <summary>
/// The common part of every risk summary: a day's anomalies of learners (anomalies_by_time bounds the scan to the day),
/// with each anomaly of a person (in no class: a registered photo swapped after study began) counted for every learner
/// the person is on a roster as (class_roster_codes.card_no), each class placed on its learning platform (the platform its
/// learners' startStudy came from, one index probe per class) and named from the class directory: row by row in
/// located (with the anomaly's id and, for a person's own, the person's card number), counted per learner and kind in
/// flagged. The readers group them further.
/// </summary>
internal static class FlaggedAnomalies
{
    public static readonly string With =
        $"""
        WITH learners AS (
            SELECT a.id, a.class_code, a.student_user_code, NULL::text AS card_no, a.kind, a.at, {WithheldSeconds.Sql} AS withheld
            FROM anomalies a
            WHERE a.at >= @since AND a.at < @until AND a.class_code IS NOT NULL AND a.student_user_code IS NOT NULL
              AND (@class::text IS NULL OR a.class_code = @class) AND (@kind::text IS NULL OR a.kind = @kind)
            UNION ALL
            SELECT a.id, r.class_code, r.student_user_code, r.card_no, a.kind, a.at, {WithheldSeconds.Sql}
            FROM anomalies a JOIN class_roster_codes r ON r.card_no = a.card_no
            WHERE a.at >= @since AND a.at < @until AND a.class_code IS NULL AND a.card_no IS NOT NULL
              AND (@class::text IS NULL OR r.class_code = @class) AND (@kind::text IS NULL OR a.kind = @kind)
        ), placed AS (
            SELECT c.class_code, d.train_class_name, p.platform_code
            FROM (SELECT DISTINCT class_code FROM learners) c
            LEFT JOIN class_directory d ON d.class_code = c.class_code
            LEFT JOIN LATERAL (SELECT e.platform_code FROM evidence_events e
                               WHERE e.class_code = c.class_code AND e.kind = 'session_start' AND e.platform_code IS NOT NULL LIMIT 1) p ON true
        ), located AS (
            SELECT l.*, p.train_class_name, p.platform_code FROM learners l JOIN placed p USING (class_code)
            WHERE @platform::text IS NULL OR p.platform_code = @platform
        ), flagged AS (
            SELECT class_code, student_user_code, kind, count(*)::int AS n, sum(withheld)::bigint AS withheld, min(at) AS first_at, max(at) AS last_at,
                   min(train_class_name) AS train_class_name, min(platform_code) AS platform_code
            FROM located
            GROUP BY class_code, student_user_code, kind
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
