using Npgsql;
using Supervision.Contracts;
using Supervision.Contracts.Evidence;
using Supervision.Contracts.Operators;

namespace Supervision.Grains.Evidence;

[StatelessWorker]
public sealed class EvidenceGrain(NpgsqlDataSource dataSource, LiveActivityReader liveActivity) : Grain, IEvidenceGrain
{
    /// <summary>
    /// A flag's review is its flag_decision evidence, found on the learner's rows by the flag's id; anomalies are
    /// append-only, so the decision is never written onto the anomaly itself.
    /// </summary>
    private const string AnomalyColumns =
        """
        SELECT a.id, a.at, a.kind, a.class_code, a.student_user_code, a.res_code, a.details::text,
               CASE WHEN a.kind = ANY(@flags) THEN coalesce(
                   (SELECT d.details->>'decision' FROM evidence_events d
                    WHERE d.class_code = a.class_code AND d.student_user_code = a.student_user_code AND d.kind = 'flag_decision'
                      AND d.details->>'flagId' = a.details->>'flagId' LIMIT 1), 'under_review') END
        FROM anomalies a
        """;

    public async Task<IReadOnlyList<AnomalyView>> Anomalies(AnomalyQuery query)
    {
        await using var command = dataSource.CreateCommand(AnomalyColumns + "\n" +
            """
            WHERE (@class::text IS NULL OR a.class_code = @class)
              AND (@student::text IS NULL OR a.student_user_code = @student)
              AND (@kind::text IS NULL OR a.kind = @kind)
              AND (@since::timestamptz IS NULL OR a.at >= @since)
              AND (@until::timestamptz IS NULL OR a.at < @until)
            ORDER BY a.at DESC, a.id DESC OFFSET @offset LIMIT @limit
            """);
        command.Parameters.AddWithValue("class", (object?)query.ClassCode ?? DBNull.Value);
        command.Parameters.AddWithValue("student", (object?)query.StudentUserCode ?? DBNull.Value);
        command.Parameters.AddWithValue("kind", (object?)query.Kind ?? DBNull.Value);
        command.Parameters.AddWithValue("since", (object?)query.Since ?? DBNull.Value);
        command.Parameters.AddWithValue("until", (object?)query.Until ?? DBNull.Value);
        command.Parameters.AddWithValue("limit", query.Limit);
        command.Parameters.AddWithValue("offset", query.Offset);
        return await ReadAnomaliesAsync(command);
    }

    public async Task<IReadOnlyList<AnomalyView>> PersonAnomalies(string classCode, string studentUserCode, int limit)
    {
        await using var command = dataSource.CreateCommand(AnomalyColumns + "\n" +
            """
            WHERE a.class_code IS NULL AND a.card_no = (SELECT r.card_no FROM class_roster_codes r WHERE r.class_code = @class AND r.student_user_code = @student)
            ORDER BY a.at DESC, a.id DESC LIMIT @limit
            """);
        command.Parameters.AddWithValue("class", classCode);
        command.Parameters.AddWithValue("student", studentUserCode);
        command.Parameters.AddWithValue("limit", limit);
        return await ReadAnomaliesAsync(command);
    }

    public async Task<AnomalyView?> Anomaly(long id)
    {
        await using var command = dataSource.CreateCommand(AnomalyColumns + " WHERE a.id = @id");
        command.Parameters.AddWithValue("id", id);
        return (await ReadAnomaliesAsync(command)).SingleOrDefault();
    }

    private static async Task<IReadOnlyList<AnomalyView>> ReadAnomaliesAsync(NpgsqlCommand command)
    {
        command.Parameters.AddWithValue("flags", AnomalyKind.Flags.ToArray());
        var rows = new List<AnomalyView>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new AnomalyView(
                reader.GetInt64(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetString(6))
            {
                Review = reader.IsDBNull(7) ? null : reader.GetString(7),
            });
        }

        return rows;
    }

    public async Task<IReadOnlyList<EvidenceView>> Events(string classCode, string studentUserCode, IReadOnlyList<string> kinds, int limit)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT id, at, kind, res_code, session_id, outcome, credited, platform_code, details::text FROM evidence_events
            WHERE class_code = @class AND student_user_code = @student AND (cardinality(@kinds) = 0 OR kind = ANY(@kinds))
            UNION ALL
            SELECT r.version, r.at, 'report', s.res_code, r.session_id, r.outcome::text, r.credited, s.platform_code,
                   json_build_object('playTime', r.play_time, 'progressTime', r.progress_time, 'accepted', r.accepted, 'bank', r.bank)::text
            FROM study_reports r
            JOIN (SELECT DISTINCT ON (session_id) session_id, res_code, platform_code FROM evidence_events
                  WHERE class_code = @class AND student_user_code = @student AND kind = 'session_start') s ON s.session_id = r.session_id
            WHERE cardinality(@kinds) = 0 OR 'report' = ANY(@kinds)
            ORDER BY at DESC, id DESC LIMIT @limit
            """);
        command.Parameters.AddWithValue("class", classCode);
        command.Parameters.AddWithValue("student", studentUserCode);
        command.Parameters.AddWithValue("kinds", kinds.ToArray());
        command.Parameters.AddWithValue("limit", limit);
        return await ReadEventsAsync(command);
    }

    public async Task<IReadOnlyList<EvidenceView>> ClassEvents(string classCode, int limit)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT id, at, kind, res_code, session_id, outcome, credited, platform_code, details::text FROM evidence_events
            WHERE class_code = @class AND student_user_code IS NULL ORDER BY at DESC, id DESC LIMIT @limit
            """);
        command.Parameters.AddWithValue("class", classCode);
        command.Parameters.AddWithValue("limit", limit);
        return await ReadEventsAsync(command);
    }

    private static async Task<IReadOnlyList<EvidenceView>> ReadEventsAsync(NpgsqlCommand command)
    {
        var rows = new List<EvidenceView>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new EvidenceView(
                reader.GetInt64(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetGuid(4),
                reader.GetString(5),
                reader.GetInt32(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return rows;
    }

    public async Task<OperatorActionPage> OperatorActions(OperatorActionQuery query)
    {
        // The predicate is the partial index's (710_operator_actions.sql), so both statements read the index alone.
        const string Filter =
            """
            WHERE (details ->> 'operator') IS NOT NULL
              AND (@operator::text IS NULL OR details ->> 'operator' = @operator) AND (@kind::text IS NULL OR kind = @kind)
            """;
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT count(*) FROM evidence_events {Filter}"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            $"""
            SELECT id, at, kind, details ->> 'operator', details ->> 'address', class_code, student_user_code, platform_code, details::text
            FROM evidence_events {Filter}
            ORDER BY at DESC, id DESC LIMIT @limit OFFSET @offset
            """));
        foreach (NpgsqlBatchCommand command in batch.BatchCommands)
        {
            command.Parameters.AddWithValue("operator", (object?)query.Operator ?? DBNull.Value);
            command.Parameters.AddWithValue("kind", (object?)query.Kind ?? DBNull.Value);
        }

        batch.BatchCommands[1].Parameters.AddWithValue("limit", query.PageSize);
        batch.BatchCommands[1].Parameters.AddWithValue("offset", (long)(query.Page - 1) * query.PageSize);
        await using var reader = await batch.ExecuteReaderAsync();
        await reader.ReadAsync();
        var total = reader.GetInt64(0);
        await reader.NextResultAsync();
        var items = new List<OperatorActionView>();
        while (await reader.ReadAsync())
        {
            items.Add(new OperatorActionView(
                reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetString(8)));
        }

        return new OperatorActionPage(total, query.Page, query.PageSize, items);
    }

    public async Task<Outcome<CheckPhotoView>> CheckPhoto(long id)
    {
        await using var command = dataSource.CreateCommand("SELECT image FROM check_photos WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        if (await command.ExecuteScalarAsync() is not byte[] image)
            return Outcome.Fail(ReturnCode.InvalidField, "id: no check photo has this id");
        return ServablePhoto.Of(id, image, ReturnCode.Conflict, $"id: check photo {id}");
    }

    public Task<LiveActivity> Activity() => liveActivity.ReadAsync();
}
