using Npgsql;
using NpgsqlTypes;
using Supervision.FaceComparison;
using Supervision.Grains.Checks.Faces;

namespace Supervision.Grains.Evidence;

/// <summary>Face-check photos and their outcomes (table check_photos): audit evidence, and the memory that catches a replayed capture.</summary>
public sealed class CheckPhotoArchive(NpgsqlDataSource dataSource)
{
    /// <summary>How many of a person's latest check photos a new one is compared with; a few days of checks at eight a day.</summary>
    public const int ReplayWindow = 50;

    /// <summary>The grain_state kind of a face review's decision (FaceReviewGrain).</summary>
    public const string ReviewStateKind = "face_review";

    private const string FactColumns = "id, at, student_key, class_code, student_user_code, biz_code, decision, score, threshold";

    public async Task<long> StoreAsync(CheckPhotoRecord photo)
    {
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO check_photos (at, student_key, class_code, student_user_code, biz_code, source_url, decision, score, threshold, fingerprint, face_print, image)
            VALUES (@at, @student_key, @class, @student, @biz, @url, @decision, @score, @threshold, @fingerprint, @face_print, @image)
            RETURNING id
            """);
        command.Parameters.AddWithValue("at", photo.At);
        command.Parameters.AddWithValue("student_key", photo.StudentKey);
        command.Parameters.AddWithValue("class", photo.ClassCode);
        command.Parameters.AddWithValue("student", photo.StudentUserCode);
        command.Parameters.AddWithValue("biz", photo.BizCode);
        command.Parameters.AddWithValue("url", (object?)photo.SourceUrl ?? DBNull.Value);
        command.Parameters.AddWithValue("decision", photo.Decision);
        command.Parameters.AddWithValue("score", (object?)photo.Score ?? DBNull.Value);
        command.Parameters.AddWithValue("threshold", photo.Threshold);
        command.Parameters.AddWithValue("fingerprint", NpgsqlDbType.Bytea, photo.Fingerprint.ToBytes());
        command.Parameters.AddWithValue("face_print", NpgsqlDbType.Bytea, (object?)photo.FacePrint?.ToBytes() ?? DBNull.Value);
        command.Parameters.AddWithValue("image", NpgsqlDbType.Bytea, photo.Image);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The fingerprints and face prints of a person's latest check photos, leaving out those of one check (<paramref name="exceptBizCode"/>).</summary>
    public async Task<IReadOnlyList<StoredFingerprint>> LatestFingerprintsAsync(string studentKey, string exceptBizCode)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, fingerprint, face_print FROM check_photos WHERE student_key = @student_key AND biz_code <> @biz ORDER BY at DESC, id DESC LIMIT @limit");
        command.Parameters.AddWithValue("student_key", studentKey);
        command.Parameters.AddWithValue("biz", exceptBizCode);
        command.Parameters.AddWithValue("limit", ReplayWindow);
        var rows = new List<StoredFingerprint>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new StoredFingerprint(reader.GetInt64(0), ImageFingerprint.FromStored(reader.GetFieldValue<byte[]>(1)),
                reader.IsDBNull(2) ? null : FacePrint.FromStored(reader.GetFieldValue<byte[]>(2))));
        }
        return rows;
    }

    public async Task<CheckPhotoFacts?> FindAsync(long id)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {FactColumns} FROM check_photos WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        return (await ReadFactsAsync(command)).SingleOrDefault();
    }

    /// <summary>
    /// Photos whose score is within <paramref name="band"/> of their threshold and judged same or different (a
    /// replay or a missing face is not a matter of likeness), that no reviewer has decided: a decision is the review
    /// grain's state, committed with its evidence.
    /// </summary>
    public async Task<IReadOnlyList<CheckPhotoFacts>> AwaitingReviewAsync(double band, int limit)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT {FactColumns} FROM check_photos p
            WHERE score IS NOT NULL AND abs(score - threshold) <= @band AND decision IN ('same', 'different')
              AND NOT EXISTS (SELECT 1 FROM grain_state g WHERE g.kind = @kind AND g.key = p.id::text)
            ORDER BY at DESC, id DESC LIMIT @limit
            """);
        command.Parameters.AddWithValue("band", band);
        command.Parameters.AddWithValue("kind", ReviewStateKind);
        command.Parameters.AddWithValue("limit", limit);
        return await ReadFactsAsync(command);
    }

    private static async Task<IReadOnlyList<CheckPhotoFacts>> ReadFactsAsync(NpgsqlCommand command)
    {
        var rows = new List<CheckPhotoFacts>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new CheckPhotoFacts(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetDouble(7), reader.GetDouble(8)));
        }

        return rows;
    }
}
