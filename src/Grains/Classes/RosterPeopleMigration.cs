using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Serialization;
using Supervision.Contracts;
using Supervision.Database;

namespace Supervision.Grains.Classes;

/// <summary>
/// Fills in, for every class stored before 800_roster_people.sql, whose ID number each roster code is, from the class's
/// stored state, so that an anomaly of a person counts for every class the person is on (docs/console.md). Runs as a
/// silo starts, once per database (<see cref="CodeMigration"/>), after <see cref="ClassKeysMigration"/> has listed the codes.
/// </summary>
public sealed class RosterPeopleMigration(NpgsqlDataSource dataSource, Serializer<ClassState> serializer, ILogger<RosterPeopleMigration> logger)
    : StoredClassMigration(dataSource, serializer, logger, Name, stage: 3, "Classes whose roster codes were tied to their people")
{
    public const string Name = "800_roster_people_from_state";

    protected override async Task FillAsync(NpgsqlConnection connection, string code, ClassState state, CancellationToken cancellationToken)
    {
        var roster = LastOccurrence.ByCode(state.Students, s => s.StudentUserCode);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO class_roster_codes (class_code, student_user_code, card_no) SELECT @code, s, c FROM unnest(@students, @cards) AS r(s, c)
            ON CONFLICT (class_code, student_user_code) DO UPDATE SET card_no = excluded.card_no WHERE class_roster_codes.card_no IS NULL
            """, connection);
        command.Parameters.AddWithValue("code", code);
        command.Parameters.Add(new NpgsqlParameter<string[]>("students", roster.Select(s => s.StudentUserCode).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("cards", roster.Select(s => ResidentIdNumber.Normalize(s.CardNo)).ToArray()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
