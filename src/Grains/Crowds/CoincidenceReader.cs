using System.Runtime.CompilerServices;
using Npgsql;

namespace Supervision.Grains.Crowds;

/// <summary>
/// Reads, from the evidence ledger, the recent events of different people that coincide: arriving (server time,
/// microseconds) within the window of each other on one device id with the same values. Reports (study_reports)
/// coincide on progressTime, playTime and playTime step (the position minus the span's previous one); who and from
/// which device are on the span's session_start row. Check answers (check_attempt) coincide on the videoStudyTime they
/// name. The position is in the key because a 60 s timer has only 60 seconds to fall in; the window is short because a
/// script fires its accounts' requests within milliseconds, while people's PCs each have their own network delay and
/// restart their timer on every play. The values are never null (a span's first report has step -1) and time is cut into
/// slots of the window, so that pairs are found by a hash join on slot (or a neighbouring one), device and values: a
/// platform's constant device id puts thousands of people at one position of a video within the lookback, and
/// comparing each two of them would grow with the square of them.
/// </summary>
public sealed class CoincidenceReader(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Reports since <paramref name="since"/> and check answers since <paramref name="answersSince"/>, up to
    /// <paramref name="until"/>, streamed: a crowd of thousands in lockstep coincides in millions of pairs.
    /// </summary>
    public async IAsyncEnumerable<CoincidenceBucket> ReadAsync(DateTimeOffset since, DateTimeOffset answersSince, DateTimeOffset until, TimeSpan window, [EnumeratorCancellation] CancellationToken cancellationToken = default)
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
                SELECT r.at, floor(extract(epoch FROM r.at) / @windowSeconds)::bigint AS slot, s.device_id, false AS answer, s.account, s.card_no, r.progress_time AS a, r.play_time AS b, coalesce(r.step, -1) AS c
                FROM recent r JOIN spans s ON s.session_id = r.session_id
                WHERE s.device_id IS NOT NULL AND s.card_no IS NOT NULL
                UNION ALL
                SELECT e.at, floor(extract(epoch FROM e.at) / @windowSeconds)::bigint, e.device_id, true, e.class_code || '/' || e.student_user_code, e.card_no, coalesce((e.details->>'videoStudyTime')::int, -1), 0, 0
                FROM evidence_events e
                WHERE e.kind = 'check_attempt' AND e.at > @answersSince AND e.at <= @until AND e.device_id IS NOT NULL AND e.card_no IS NOT NULL
            ), reach AS MATERIALIZED (
                SELECT e.*, e.slot + near.shift AS near_slot FROM events e CROSS JOIN (VALUES (-1), (0), (1)) AS near(shift)
            )
            SELECT x.at, x.device_id, x.answer, ARRAY[x.account, y.account], ARRAY[x.card_no, y.card_no]
            FROM reach x JOIN events y
              ON y.slot = x.near_slot AND y.device_id = x.device_id AND y.answer = x.answer
             AND y.a = x.a AND y.b = x.b AND y.c = x.c
             AND y.card_no > x.card_no AND y.at BETWEEN x.at - @window AND x.at + @window
            """);
        command.Parameters.AddWithValue("since", since);
        command.Parameters.AddWithValue("answersSince", answersSince);
        command.Parameters.AddWithValue("until", until);
        command.Parameters.AddWithValue("window", window);
        command.Parameters.AddWithValue("windowSeconds", window.TotalSeconds);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new CoincidenceBucket(
                reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetBoolean(2), reader.GetFieldValue<string[]>(3), reader.GetFieldValue<string[]>(4));
        }
    }
}
