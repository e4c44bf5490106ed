using Npgsql;
using NpgsqlTypes;
using Supervision.Grains.Evidence;

namespace Supervision.Grains.Classes;

/// <summary>
/// The class_directory table: which classes exist, searchable by the operator. A class's row is written in its
/// ledger write (<see cref="Entry"/>), with its state: every stored class is listed, and no class that was never stored.
/// </summary>
public sealed class ClassDirectory(NpgsqlDataSource dataSource) : ILedgerTable
{
    public LedgerRows Entry(string classCode, string trainClassName, string orgName, DateTimeOffset now) =>
        new(this, [new ClassDirectoryEntry(classCode, trainClassName, orgName, now)]);

    public IEnumerable<NpgsqlBatchCommand> Commands(IReadOnlyList<object> rows, int writer)
    {
        var entries = rows.Cast<ClassDirectoryEntry>().OrderBy(e => e.ClassCode, StringComparer.Ordinal).ToList();
        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO class_directory (class_code, train_class_name, org_name, created_at)
            SELECT * FROM unnest(@codes, @names, @orgs, @times)
            ON CONFLICT (class_code) DO UPDATE SET train_class_name = excluded.train_class_name, org_name = excluded.org_name
            WHERE (class_directory.train_class_name, class_directory.org_name) IS DISTINCT FROM (excluded.train_class_name, excluded.org_name)
            """);
        command.Parameters.Add(new NpgsqlParameter<string[]>("codes", entries.Select(e => e.ClassCode).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("names", entries.Select(e => e.TrainClassName).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("orgs", entries.Select(e => e.OrgName).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<DateTime[]>("times", entries.Select(e => e.At.UtcDateTime).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        yield return command;
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
