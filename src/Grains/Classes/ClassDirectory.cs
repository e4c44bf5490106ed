using Npgsql;

namespace Supervision.Grains.Classes;

/// <summary>The class_directory table: which classes exist, searchable by the operator.</summary>
public sealed class ClassDirectory(NpgsqlDataSource dataSource)
{
    public async Task RecordAsync(string classCode, string trainClassName, string orgName, DateTimeOffset now)
    {
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO class_directory (class_code, train_class_name, org_name, created_at) VALUES (@code, @name, @org, @now)
            ON CONFLICT (class_code) DO UPDATE SET train_class_name = excluded.train_class_name, org_name = excluded.org_name
            WHERE (class_directory.train_class_name, class_directory.org_name) IS DISTINCT FROM (excluded.train_class_name, excluded.org_name)
            """);
        command.Parameters.AddWithValue("code", classCode);
        command.Parameters.AddWithValue("name", trainClassName);
        command.Parameters.AddWithValue("org", orgName);
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync();
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
