using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Serialization;
using Supervision.Contracts;
using Supervision.Contracts.Classes;
using Supervision.Contracts.Study;

namespace Supervision.Grains.Study;

/// <summary>
/// A class's credit per student and video as committed, read without activating a student-class grain: each
/// learner's last snapshot (grain_state, at its grain_versions version) with the reports its open span kept in rows
/// alone after it, replayed through the same <see cref="StudentClassState.Apply"/> an activation replays them with.
/// A grain commits before it answers, so this is exactly what the live grains would answer: 2.5 over a class of
/// thousands wakes none of them (issue 24).
/// </summary>
public sealed class CommittedCredit(
    NpgsqlDataSource dataSource,
    StudyReportJournal journal,
    Serializer<StudentClassState> serializer,
    IOptions<StudyOptions> options)
{
    /// <summary>
    /// 2.5's rows: in roster order, each student's videos in the order of their state (the order the grain answers
    /// them in); a student whose study belongs to another ID number than the roster's has none (as the grain answers).
    /// </summary>
    public async Task<IReadOnlyList<StudyRecord>> StudyRecordsAsync(string classCode, IReadOnlyList<RosterEntry> roster)
    {
        var states = await StatesAsync(classCode, roster);
        var open = states.Values
            .Where(s => s.State.Study is not null && s.Version > s.SnapshotVersion)
            .Select(s => (s.State.Study!.Id, s.SnapshotVersion, s.Version))
            .ToList();
        var journalRows = await journal.ReportsBetweenAsync(open);
        var records = new List<StudyRecord>();
        foreach (var student in roster)
        {
            if (!states.TryGetValue(student.StudentUserCode, out var stored))
            {
                continue;
            }

            var state = stored.State;
            if (state.Study is { } span && journalRows.TryGetValue(span.Id, out var rows))
            {
                foreach (var row in rows)
                {
                    state.Apply(row, options.Value.BankCapSeconds);
                }
            }

            if (state.CardNo.Length > 0 && !string.Equals(state.CardNo, student.CardNo, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var credit in state.CreditByResource())
            {
                records.Add(new StudyRecord(classCode, student.StudentUserCode, credit.CourseCode, credit.SectionCode, credit.ResCode, credit.Seconds));
            }
        }

        return records;
    }

    /// <summary>
    /// The committed states of the roster's student-classes, by student code, as <see cref="Evidence.GrainStates"/>
    /// reads one: version and snapshot in one statement, so the two are of one moment.
    /// </summary>
    private async Task<Dictionary<string, (StudentClassState State, long SnapshotVersion, long Version)>> StatesAsync(string classCode, IReadOnlyList<RosterEntry> roster)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT k.code, coalesce(v.version, s.version), coalesce(s.version, 0), s.payload
            FROM unnest(@keys, @codes) AS k(key, code)
            LEFT JOIN grain_versions v ON v.kind = @kind AND v.key = k.key
            LEFT JOIN grain_state s ON s.kind = @kind AND s.key = k.key
            WHERE v.version IS NOT NULL OR s.version IS NOT NULL
            """);
        command.Parameters.AddWithValue("kind", StudentClassGrain.StateKind);
        command.Parameters.Add(new NpgsqlParameter<string[]>("keys", roster.Select(s => StudentClassKey.Of(classCode, s.StudentUserCode)).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("codes", roster.Select(s => s.StudentUserCode).ToArray()));
        var states = new Dictionary<string, (StudentClassState, long, long)>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var state = (reader.IsDBNull(3) ? null : serializer.Deserialize(reader.GetFieldValue<byte[]>(3))) ?? new StudentClassState();
            state.CardNo = ResidentIdNumber.Normalize(state.CardNo);
            states[reader.GetString(0)] = (state, reader.GetInt64(2), reader.GetInt64(1));
        }

        return states;
    }
}
