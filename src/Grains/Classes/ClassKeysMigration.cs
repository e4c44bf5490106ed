using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Serialization;
using Supervision.Database;

namespace Supervision.Grains.Classes;

/// <summary>
/// Fills in, for every class stored before 720_class_keys.sql, the directory's platforms and the roster's student
/// codes from the class's stored state, so that fronts can refuse unknown classes and students without asking the
/// class. Runs as a silo starts, once per database (<see cref="CodeMigration"/>); a class whose state is still in
/// Orleans' own storage (never activated since an older release) keeps null platforms, and fronts ask it as before.
/// </summary>
public sealed class ClassKeysMigration(NpgsqlDataSource dataSource, Serializer<ClassState> serializer, ILogger<ClassKeysMigration> logger)
    : StoredClassMigration(dataSource, serializer, logger, Name, stage: 2, "Classes whose platforms and roster codes were listed for the fronts")
{
    public const string Name = "720_class_keys_from_state";

    protected override async Task FillAsync(NpgsqlConnection connection, string code, ClassState state, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            UPDATE class_directory SET business_platform_code = @business, learning_platform_code = @learning WHERE class_code = @code;
            INSERT INTO class_roster_codes (class_code, student_user_code) SELECT @code, s FROM unnest(@students) s ON CONFLICT DO NOTHING
            """, connection);
        command.Parameters.AddWithValue("code", code);
        command.Parameters.AddWithValue("business", state.BusinessPlatformCode);
        command.Parameters.AddWithValue("learning", state.LearningPlatformCode);
        command.Parameters.Add(new NpgsqlParameter<string[]>("students", state.Students.Select(s => s.StudentUserCode).Distinct(StringComparer.Ordinal).ToArray()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
