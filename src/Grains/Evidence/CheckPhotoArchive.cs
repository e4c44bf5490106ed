using Npgsql;
using NpgsqlTypes;
using Supervision.FaceComparison;

namespace Supervision.Grains.Evidence;

/// <summary>Face-check photos and their outcomes (table check_photos): audit evidence, and the memory that catches a replayed capture.</summary>
public sealed class CheckPhotoArchive(NpgsqlDataSource dataSource)
{
    /// <summary>How many of a person's latest check photos a new one is compared with; a few days of checks at eight a day.</summary>
    public const int ReplayWindow = 50;

    public async Task<long> StoreAsync(CheckPhotoRecord photo)
    {
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO check_photos (at, student_key, class_code, student_user_code, biz_code, source_url, decision, score, threshold, fingerprint, image)
            VALUES (@at, @student_key, @class, @student, @biz, @url, @decision, @score, @threshold, @fingerprint, @image)
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
        command.Parameters.AddWithValue("image", NpgsqlDbType.Bytea, photo.Image);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The fingerprints of a person's latest check photos, leaving out those of one check (<paramref name="exceptBizCode"/>).</summary>
    public async Task<IReadOnlyList<StoredFingerprint>> LatestFingerprintsAsync(string studentKey, string exceptBizCode)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, fingerprint FROM check_photos WHERE student_key = @student_key AND biz_code <> @biz ORDER BY at DESC, id DESC LIMIT @limit");
        command.Parameters.AddWithValue("student_key", studentKey);
        command.Parameters.AddWithValue("biz", exceptBizCode);
        command.Parameters.AddWithValue("limit", ReplayWindow);
        var rows = new List<StoredFingerprint>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(new StoredFingerprint(reader.GetInt64(0), ImageFingerprint.FromStored(reader.GetFieldValue<byte[]>(1))));
        return rows;
    }
}
