using Npgsql;
using NpgsqlTypes;
using Supervision.Contracts;
using Supervision.Grains.Evidence;

namespace Supervision.Grains.Classes;

/// <summary>
/// The class_directory table: which classes exist, searchable by the operator, and whose they are; with
/// class_roster_codes, which student codes were ever on a class's roster and whose ID number each is now. A class's rows are written in its ledger
/// write (<see cref="Entry"/>), with its state: every stored class is listed, and no class that was never stored, so a
/// front can refuse a key that is not listed without activating anything (<c>StoredKeys</c> in the front).
/// </summary>
public sealed class ClassDirectory(NpgsqlDataSource dataSource) : ILedgerTable
{
    public LedgerRows Entry(ClassDirectoryEntry entry) => new(this, [entry]);

    public IEnumerable<NpgsqlBatchCommand> Commands(IReadOnlyList<object> rows, int writer)
    {
        var entries = rows.Cast<ClassDirectoryEntry>().OrderBy(e => e.ClassCode, StringComparer.Ordinal).ToList();
        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO class_directory (class_code, train_class_name, org_name, created_at, business_platform_code, learning_platform_code)
            SELECT * FROM unnest(@codes, @names, @orgs, @times, @businesses, @learnings)
            ON CONFLICT (class_code) DO UPDATE SET train_class_name = excluded.train_class_name, org_name = excluded.org_name,
                business_platform_code = excluded.business_platform_code, learning_platform_code = excluded.learning_platform_code
            WHERE (class_directory.train_class_name, class_directory.org_name, class_directory.business_platform_code, class_directory.learning_platform_code)
                IS DISTINCT FROM (excluded.train_class_name, excluded.org_name, excluded.business_platform_code, excluded.learning_platform_code)
            """);
        command.Parameters.Add(new NpgsqlParameter<string[]>("codes", entries.Select(e => e.ClassCode).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("names", entries.Select(e => e.TrainClassName).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("orgs", entries.Select(e => e.OrgName).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<DateTime[]>("times", entries.Select(e => e.At.UtcDateTime).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<string[]>("businesses", entries.Select(e => e.BusinessPlatformCode).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("learnings", entries.Select(e => e.LearningPlatformCode).ToArray()));
        yield return command;

        // A student code dropped from a roster keeps its row: the key existed, and the class answers for it.
        var roster = entries.SelectMany(e => LastOccurrence.ByCode(e.Students, s => s.StudentUserCode).Select(s => (e.ClassCode, Student: s.StudentUserCode, s.CardNo)))
            .OrderBy(r => r.ClassCode, StringComparer.Ordinal).ThenBy(r => r.Student, StringComparer.Ordinal).ToList();
        if (roster.Count == 0)
        {
            yield break;
        }

        var rosterCommand = new NpgsqlBatchCommand(
            """
            INSERT INTO class_roster_codes (class_code, student_user_code, card_no)
            SELECT * FROM unnest(@rosterClasses, @rosterStudents, @rosterCards)
            ON CONFLICT (class_code, student_user_code) DO UPDATE SET card_no = excluded.card_no
            WHERE class_roster_codes.card_no IS DISTINCT FROM excluded.card_no
            """);
        rosterCommand.Parameters.Add(new NpgsqlParameter<string[]>("rosterClasses", roster.Select(r => r.ClassCode).ToArray()));
        rosterCommand.Parameters.Add(new NpgsqlParameter<string[]>("rosterStudents", roster.Select(r => r.Student).ToArray()));
        rosterCommand.Parameters.Add(new NpgsqlParameter<string[]>("rosterCards", roster.Select(r => ResidentIdNumber.Normalize(r.CardNo)).ToArray()));
        yield return rosterCommand;
    }

    /// <summary>Class codes matching <paramref name="search"/> (any part of code, name or organisation), newest first, and how many match.</summary>
    public async Task<(int Total, IReadOnlyList<string> Codes)> FindAsync(string? search, int offset, int limit)
    {
        await using var command = dataSource.CreateCommand(
            """
            WITH matching AS (
                SELECT class_code, created_at FROM class_directory
                WHERE @pattern::text IS NULL OR class_code ILIKE @pattern OR train_class_name ILIKE @pattern OR org_name ILIKE @pattern)
            SELECT (SELECT count(*) FROM matching),
                   array(SELECT class_code FROM matching ORDER BY created_at DESC, class_code OFFSET @offset LIMIT @limit)
            """);
        command.Parameters.AddWithValue("pattern", string.IsNullOrWhiteSpace(search) ? DBNull.Value : $"%{EscapeLike(search.Trim())}%");
        command.Parameters.AddWithValue("offset", offset);
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return ((int)reader.GetInt64(0), reader.GetFieldValue<string[]>(1));
    }

    /// <summary>The operator searches for text, not for patterns: % and _ in it match themselves.</summary>
    private static string EscapeLike(string text) => text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}
