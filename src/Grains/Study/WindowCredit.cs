using Npgsql;

namespace Supervision.Grains.Study;

/// <summary>
/// What the ledger shows a learner credited in a class per video over a stretch of time: what a flag's void takes
/// back. Read only when an operator voids a flag, never on the hot path.
/// </summary>
public sealed class WindowCredit(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyDictionary<string, int>> ByResourceAsync(string classCode, string studentUserCode, DateTimeOffset since, DateTimeOffset until)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT s.res_code, sum(r.credited)::int FROM study_reports r
            JOIN (SELECT DISTINCT ON (session_id) session_id, res_code FROM evidence_events
                  WHERE class_code = @class AND student_user_code = @student AND kind = 'session_start') s ON s.session_id = r.session_id
            WHERE r.at >= @since AND r.at <= @until AND r.credited > 0
            GROUP BY s.res_code
            """);
        command.Parameters.AddWithValue("class", classCode);
        command.Parameters.AddWithValue("student", studentUserCode);
        command.Parameters.AddWithValue("since", since);
        command.Parameters.AddWithValue("until", until);
        var credit = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            credit[reader.GetString(0)] = reader.GetInt32(1);
        }

        return credit;
    }
}
