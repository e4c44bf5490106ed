using System.Security.Cryptography;
using Npgsql;
using NpgsqlTypes;
using Supervision.Contracts;
using Supervision.Contracts.Evidence;

namespace Supervision.Grains.Evidence;

/// <summary>
/// Registered photos kept once per content under their SHA-256 (table reference_photos): the photo a face check was
/// compared against (written by <see cref="CheckPhotoArchive"/> with its check photo) and a swap's two photos (written
/// with the person's swap anomaly). Whatever the platform's address serves later, the kept bytes are what was seen.
/// </summary>
public sealed class KeptPhotos(NpgsqlDataSource dataSource) : ILedgerTable
{
    /// <summary>The photo as a row of a ledger write: kept if and only if the change that names its digest is committed.</summary>
    public LedgerRows Row(KeptPhoto photo) => new(this, [photo]);

    public IEnumerable<NpgsqlBatchCommand> Commands(IReadOnlyList<object> rows, int writer) =>
        rows.Cast<KeptPhoto>().DistinctBy(p => Convert.ToHexString(p.Digest)).Select(photo =>
        {
            var command = new NpgsqlBatchCommand("INSERT INTO reference_photos (digest, first_at, image) VALUES (@digest, @at, @image) ON CONFLICT (digest) DO NOTHING");
            command.Parameters.AddWithValue("digest", NpgsqlDbType.Bytea, photo.Digest);
            command.Parameters.AddWithValue("at", photo.At);
            command.Parameters.AddWithValue("image", NpgsqlDbType.Bytea, photo.Image);
            return command;
        });

    /// <summary>The bytes kept under <paramref name="digest"/>; null when none are.</summary>
    public async Task<byte[]?> FindAsync(byte[] digest)
    {
        await using var command = dataSource.CreateCommand("SELECT image FROM reference_photos WHERE digest = @digest");
        command.Parameters.AddWithValue("digest", NpgsqlDbType.Bytea, digest);
        return await command.ExecuteScalarAsync() as byte[];
    }

    /// <summary>
    /// Kept bytes for the operator: served only if they still hash to the digest that names them (else the store was
    /// altered, refused with <see cref="ReturnCode.ReferencePhotoUnusable"/>) and decode as a JPEG or PNG.
    /// </summary>
    public static Outcome<CheckPhotoView> Servable(long id, byte[] digest, byte[]? image, string field) =>
        image is null || !SHA256.HashData(image).AsSpan().SequenceEqual(digest)
            ? Outcome.Fail(ReturnCode.ReferencePhotoUnusable, $"{field}: missing or altered in the store")
            : ServablePhoto.Of(id, image, ReturnCode.ReferencePhotoUnusable, field);
}
