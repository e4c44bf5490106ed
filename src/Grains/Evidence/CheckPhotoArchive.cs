using System.Security.Cryptography;
using Npgsql;
using NpgsqlTypes;
using Supervision.FaceComparison;
using Supervision.Grains.Checks.Faces;

namespace Supervision.Grains.Evidence;

/// <summary>Face-check photos and their outcomes (table check_photos): audit evidence, and the memory that catches a replayed capture.</summary>
public sealed class CheckPhotoArchive(NpgsqlDataSource dataSource) : ILedgerTable
{
    /// <summary>How many of a person's latest check photos a new one is compared with; a few days of checks at eight a day.</summary>
    public const int ReplayWindow = 50;

    /// <summary>The grain_state kind of a face review's decision (FaceReviewGrain).</summary>
    public const string ReviewStateKind = "face_review";

    private const string FactColumns = "id, at, student_key, class_code, student_user_code, biz_code, decision, score, threshold, encode(reference_digest, 'hex')";

    /// <summary>
    /// The id a check photo will be stored under, taken now so that the attempt's evidence names the photo it commits
    /// with (<see cref="Row"/>).
    /// </summary>
    public async Task<long> ReserveIdAsync()
    {
        await using var command = dataSource.CreateCommand("SELECT nextval(pg_get_serial_sequence('check_photos', 'id'))");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The photo as a row of its attempt's ledger write: stored if and only if the attempt is committed.</summary>
    public LedgerRows Row(long id, CheckPhotoRecord photo) => new(this, [new ReservedCheckPhoto(id, photo)]);

    public IEnumerable<NpgsqlBatchCommand> Commands(IReadOnlyList<object> rows, int writer) =>
        rows.Cast<ReservedCheckPhoto>().Select(row => Store(row.Id, row.Photo));

    /// <summary>
    /// Stores the photo and, once per content, the registered photo it was compared against, in one statement: a
    /// photo is never kept without what it was compared with.
    /// </summary>
    private static NpgsqlBatchCommand Store(long id, CheckPhotoRecord photo)
    {
        var command = new NpgsqlBatchCommand(
            """
            WITH reference AS (
                INSERT INTO reference_photos (digest, first_at, image) VALUES (@reference_digest, @at, @reference)
                ON CONFLICT (digest) DO NOTHING)
            INSERT INTO check_photos (id, at, student_key, class_code, student_user_code, biz_code, source_url, decision, score, threshold, fingerprint, face_print, image,
                                      platform_code, reference_url, reference_digest)
            VALUES (@id, @at, @student_key, @class, @student, @biz, @url, @decision, @score, @threshold, @fingerprint, @face_print, @image,
                    @platform, @reference_url, @reference_digest)
            """);
        command.Parameters.AddWithValue("id", id);
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
        command.Parameters.AddWithValue("platform", photo.PlatformCode);
        command.Parameters.AddWithValue("reference_url", photo.ReferenceUrl);
        command.Parameters.AddWithValue("reference_digest", NpgsqlDbType.Bytea, SHA256.HashData(photo.Reference));
        command.Parameters.AddWithValue("reference", NpgsqlDbType.Bytea, photo.Reference);
        return command;
    }

    /// <summary>
    /// The registered photo check photo <paramref name="id"/> was compared against, as kept with it; null when no
    /// such check photo exists. A photo stored before references were kept has neither digest nor bytes.
    /// </summary>
    public async Task<KeptReference?> FindReferenceAsync(long id)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT p.reference_digest, r.image
            FROM check_photos p LEFT JOIN reference_photos r ON r.digest = p.reference_digest
            WHERE p.id = @id
            """);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
            return null;
        return new KeptReference(reader.IsDBNull(0) ? null : reader.GetFieldValue<byte[]>(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<byte[]>(1));
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

    private static async Task<IReadOnlyList<CheckPhotoFacts>> ReadFactsAsync(NpgsqlCommand command)
    {
        var rows = new List<CheckPhotoFacts>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new CheckPhotoFacts(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetDouble(7), reader.GetDouble(8), reader.IsDBNull(9) ? null : reader.GetString(9)));
        }

        return rows;
    }
}
