using Npgsql;

namespace Supervision.Grains.Crowds;

/// <summary>
/// Reads, from the evidence ledger, the recent events of different people that coincide: arriving (server time,
/// microseconds) within the window of each other on one device id with the same values. Reports (study_reports)
/// coincide on progressTime, playTime and playTime step (the position minus the span's previous one); who and from
/// which device are on the span's session_start row. Check answers (check_attempt) coincide on the videoStudyTime
/// they name. The position is in the key because a 60 s timer has only 60 seconds to fall in; the window is short
/// because a script fires its accounts' requests within milliseconds, while people's PCs each have their own network
/// delay and restart their timer on every play.
/// </summary>
public sealed class CoincidenceReader(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<CoincidenceBucket>> ReadAsync(DateTimeOffset since, DateTimeOffset until, TimeSpan window, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            """
            WITH recent AS (
                SELECT r.session_id, r.at, r.progress_time, r.play_time,
                       r.play_time - lag(r.play_time) OVER (PARTITION BY r.session_id ORDER BY r.at) AS step
                FROM study_reports r WHERE r.at > @since AND r.at <= @until
            ), spans AS (
                SELECT DISTINCT ON (e.session_id) e.session_id, e.class_code || '/' || e.student_user_code AS account, e.card_no, e.device_id
                FROM evidence_events e
                WHERE e.kind = 'session_start' AND e.session_id IN (SELECT DISTINCT session_id FROM recent)
                ORDER BY e.session_id, e.at, e.id
            ), events AS (
                SELECT r.at, s.device_id, false AS answer, s.account, s.card_no, r.progress_time AS a, r.play_time AS b, r.step AS c
                FROM recent r JOIN spans s ON s.session_id = r.session_id
                WHERE s.device_id IS NOT NULL AND s.card_no IS NOT NULL
                UNION ALL
                SELECT e.at, e.device_id, true, e.class_code || '/' || e.student_user_code, e.card_no, (e.details->>'videoStudyTime')::int, NULL, NULL
                FROM evidence_events e
                WHERE e.kind = 'check_attempt' AND e.at > @since AND e.at <= @until AND e.device_id IS NOT NULL AND e.card_no IS NOT NULL
            )
            SELECT x.at, x.device_id, x.answer, ARRAY[x.account, y.account], ARRAY[x.card_no, y.card_no]
            FROM events x JOIN events y
              ON y.device_id = x.device_id AND y.answer = x.answer
             AND y.a IS NOT DISTINCT FROM x.a AND y.b IS NOT DISTINCT FROM x.b AND y.c IS NOT DISTINCT FROM x.c
             AND y.card_no > x.card_no AND y.at BETWEEN x.at - @window AND x.at + @window
            """);
        command.Parameters.AddWithValue("since", since);
        command.Parameters.AddWithValue("until", until);
        command.Parameters.AddWithValue("window", window);
        var buckets = new List<CoincidenceBucket>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            buckets.Add(new CoincidenceBucket(
                reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetBoolean(2), reader.GetFieldValue<string[]>(3), reader.GetFieldValue<string[]>(4)));
        }

        return buckets;
    }
}
