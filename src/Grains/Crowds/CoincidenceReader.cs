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
/// restart their timer on every play. The events are sorted by device, values and arrival, and only those with a
/// neighbour within the window come back, cut into runs where the gap to the previous one exceeds the window: each
/// event once, so the rows grow with the events, not with the pairs they make (a crowd of 5,000 accounts in lockstep
/// is 5,000 rows a report, not 12.5 million). The sort compares the texts byte by byte (COLLATE "C"): any order that
/// keeps a device's events together will do, and the database's own collation costs several times more.
/// </summary>
public sealed class CoincidenceReader(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Reports since <paramref name="since"/> and check answers since <paramref name="answersSince"/>, up to
    /// <paramref name="until"/>, streamed as runs.
    /// </summary>
    public async IAsyncEnumerable<CoincidenceRun> ReadAsync(DateTimeOffset since, DateTimeOffset answersSince, DateTimeOffset until, TimeSpan window, [EnumeratorCancellation] CancellationToken cancellationToken = default)
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
                SELECT r.at, s.device_id, false AS answer, s.account, s.card_no, r.progress_time AS a, r.play_time AS b, coalesce(r.step, -1) AS c
                FROM recent r JOIN spans s ON s.session_id = r.session_id
                WHERE s.device_id IS NOT NULL AND s.card_no IS NOT NULL
                UNION ALL
                SELECT e.at, e.device_id, true, e.class_code || '/' || e.student_user_code, e.card_no, coalesce((e.details->>'videoStudyTime')::int, -1), 0, 0
                FROM evidence_events e
                WHERE e.kind = 'check_attempt' AND e.at > @answersSince AND e.at <= @until AND e.device_id IS NOT NULL AND e.card_no IS NOT NULL
            ), neighbours AS (
                SELECT e.*, lag(e.at) OVER same AS before, lead(e.at) OVER same AS after
                FROM events e
                WINDOW same AS (PARTITION BY e.device_id COLLATE "C", e.answer, e.a, e.b, e.c ORDER BY e.at, e.account COLLATE "C")
            )
            SELECT at, device_id, answer, account, card_no, before IS NULL OR at - before > @window AS starts_run
            FROM neighbours
            WHERE before >= at - @window OR after <= at + @window
            ORDER BY device_id COLLATE "C", answer, a, b, c, at, account COLLATE "C"
            """);
        command.Parameters.AddWithValue("since", since);
        command.Parameters.AddWithValue("answersSince", answersSince);
        command.Parameters.AddWithValue("until", until);
        command.Parameters.AddWithValue("window", window);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var (deviceId, isAnswer, events) = ("", false, new List<RunEvent>());
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.GetBoolean(5) && events.Count > 0)
            {
                yield return new CoincidenceRun(deviceId, isAnswer, events);
                events = [];
            }

            if (events.Count == 0)
            {
                (deviceId, isAnswer) = (reader.GetString(1), reader.GetBoolean(2));
            }

            events.Add(new RunEvent(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(3), reader.GetString(4)));
        }

        if (events.Count > 0)
        {
            yield return new CoincidenceRun(deviceId, isAnswer, events);
        }
    }
}
