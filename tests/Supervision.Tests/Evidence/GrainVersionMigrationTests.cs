using Npgsql;
using static Supervision.Tests.Infrastructure.MigrationScripts;

namespace Supervision.Tests.Evidence;

/// <summary>
/// The migration that gives every grain a committed version, on a database of snapshots and report rows: a grain
/// starts at its snapshot's version, or at the last report its learner's spans kept in rows alone after it.
/// </summary>
public sealed class GrainVersionMigrationTests
{
    [Fact]
    public async Task Each_grain_starts_at_its_snapshot_or_at_its_last_report_kept_in_rows_after_it()
    {
        var connectionString = await Infrastructure.PostgresServer.Instance.CreateDatabaseAsync();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, Script("200_evidence.sql") + """
            CREATE TABLE grain_state (kind text NOT NULL, key text NOT NULL, version bigint NOT NULL, payload bytea NOT NULL,
                                      updated_at timestamptz NOT NULL, PRIMARY KEY (kind, key));
            """ + Script("610_study_reports.sql"));
        await ExecuteAsync(connection, """
            INSERT INTO grain_state VALUES
                ('student_class', 'C1/S1', 3, '\x00', '2026-03-01 01:00:00+00'),
                ('student_class', 'C1/S2', 5, '\x00', '2026-03-01 01:00:00+00'),
                ('class', 'C1', 7, '\x00', '2026-03-01 01:00:00+00');
            INSERT INTO evidence_events (at, kind, class_code, student_user_code, session_id, outcome) VALUES
                ('2026-03-01 01:00:00+00', 'session_start', 'C1', 'S1', '00000000-0000-0000-0000-0000000000a1', '0'),
                ('2026-03-01 01:00:00+00', 'session_start', 'C1', 'S2', '00000000-0000-0000-0000-0000000000b2', '0');
            INSERT INTO study_reports (at, session_id, version, play_time, progress_time, credited, accepted, bank, outcome, past_due, flags)
            SELECT '2026-03-01 01:00:00+00', s::uuid, v, 60, 60, 60, 60, 0, 0, 0, 0
              FROM (VALUES ('00000000-0000-0000-0000-0000000000a1', 2), ('00000000-0000-0000-0000-0000000000a1', 3),
                           ('00000000-0000-0000-0000-0000000000a1', 4), ('00000000-0000-0000-0000-0000000000a1', 5),
                           ('00000000-0000-0000-0000-0000000000b2', 4), ('00000000-0000-0000-0000-0000000000b2', 5)) r(s, v);
            """);

        await ExecuteAsync(connection, Script("650_grain_versions.sql"));

        Assert.Equal(["class C1 7", "student_class C1/S1 5", "student_class C1/S2 5"], await ColumnAsync(connection,
            "SELECT kind || ' ' || key || ' ' || version || coalesce(' ' || chain_seq::text || encode(chain_hash, 'hex'), '') FROM grain_versions ORDER BY kind, key"));
    }
}
