using Npgsql;
using static Supervision.Tests.Infrastructure.MigrationScripts;

namespace Supervision.Tests.Reviews;

/// <summary>
/// The migration that keeps the compared registered photo with each check photo, on a database that stored photos
/// without it: earlier rows keep their photos, have no kept reference, and take their platform from their evidence.
/// </summary>
public sealed class CheckPhotoReferenceMigrationTests
{
    [Fact]
    public async Task Earlier_check_photos_take_their_platform_from_their_check_attempt_and_run_twice_the_migration_changes_nothing()
    {
        var connectionString = await Infrastructure.PostgresServer.Instance.CreateDatabaseAsync();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, Script("200_evidence.sql") + Script("210_check_photos.sql"));
        await ExecuteAsync(connection, """
            INSERT INTO check_photos (id, at, student_key, class_code, student_user_code, biz_code, decision, score, threshold, fingerprint, image) VALUES
                (7, '2026-03-01 01:05:00+00', 'k1', 'C1', 'S1', 'B1', 'same', 0.58, 0.6, '\x00', '\xffd8'),
                (8, '2026-03-01 01:06:00+00', 'k2', 'C1', 'S2', 'B2', 'same', 0.57, 0.6, '\x00', '\xffd8');
            INSERT INTO evidence_events (at, kind, class_code, student_user_code, outcome, platform_code, details) VALUES
                ('2026-03-01 01:05:00+00', 'check_attempt', 'C1', 'S1', '0', 'LP-A', '{"face":{"photoId":7}}'),
                ('2026-03-01 01:05:00+00', 'check_attempt', 'C1', 'S1', '0', 'LP-B', '{"face":null}');
            """);

        await ExecuteAsync(connection, Script("640_check_photo_reference.sql"));
        await ExecuteAsync(connection, Script("640_check_photo_reference.sql"));

        Assert.Equal(["7 LP-A  ", "8 -  "], await ColumnAsync(connection,
            "SELECT id || ' ' || coalesce(platform_code, '-') || ' ' || coalesce(reference_url, '') || ' ' || coalesce(encode(reference_digest, 'hex'), '') FROM check_photos ORDER BY id"));
    }
}
