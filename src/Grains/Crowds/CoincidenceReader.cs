using Npgsql;

namespace Supervision.Grains.Crowds;

/// <summary>
/// Reads, from the evidence ledger, the recent reports of different people that coincide: the same second (server
/// time), device id, progressTime, playTime and playTime step (the position minus the span's previous one). A
/// report's row (study_reports) has its time and numbers; who and from which device are on its span's session_start
/// row. The position is in the key because a 60 s timer has only 60 seconds to fall in: people who started at other
/// times on one constant device id share seconds and steps now and then, but not positions.
/// </summary>
public sealed class CoincidenceReader(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<CoincidenceBucket>> ReadAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            """
            WITH recent AS (
                SELECT r.session_id, date_trunc('second', r.at) AS second, r.progress_time, r.play_time,
                       r.play_time - lag(r.play_time) OVER (PARTITION BY r.session_id ORDER BY r.at) AS step
                FROM study_reports r WHERE r.at > @since AND r.at <= @until
            ), spans AS (
                SELECT DISTINCT ON (e.session_id) e.session_id, e.class_code || '/' || e.student_user_code AS account, e.card_no, e.device_id
                FROM evidence_events e
                WHERE e.kind = 'session_start' AND e.session_id IN (SELECT DISTINCT session_id FROM recent)
                ORDER BY e.session_id, e.at, e.id
            )
            SELECT r.second, s.device_id, array_agg(s.account ORDER BY s.account), array_agg(s.card_no ORDER BY s.account)
            FROM recent r JOIN spans s ON s.session_id = r.session_id
            WHERE s.device_id IS NOT NULL AND s.card_no IS NOT NULL
            GROUP BY r.second, s.device_id, r.progress_time, r.play_time, r.step
            HAVING count(DISTINCT s.card_no) >= 2
            """);
        command.Parameters.AddWithValue("since", since);
        command.Parameters.AddWithValue("until", until);
        var buckets = new List<CoincidenceBucket>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            buckets.Add(new CoincidenceBucket(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetFieldValue<string[]>(2), reader.GetFieldValue<string[]>(3)));
        }

        return buckets;
    }
}
